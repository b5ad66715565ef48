package io.vitrum.http.routes;

import io.vitrum.http.errors.Problems;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The whole public HTTP surface of a node: a correlation id on every request and response,
 * problem+json for every failure, the {@code /api} resources and a landing page at {@code /}.
 */
public final class ApiRoutes extends AllDirectives {
  private static final Pattern SAFE_CORRELATION = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private final SensorRoutes sensors;
  private final FurnaceRoutes furnaces;
  private final TwinRoutes twins;
  private final Problems problems = new Problems();

  public ApiRoutes(SensorRoutes sensors, FurnaceRoutes furnaces, TwinRoutes twins) {
    this.sensors = sensors;
    this.furnaces = furnaces;
    this.twins = twins;
  }

  public Route routes() {
    return optionalHeaderValueByName(
        Problems.CORRELATION_HEADER,
        given -> {
          String id =
              given
                  .filter(g -> SAFE_CORRELATION.matcher(g).matches())
                  .orElseGet(() -> UUID.randomUUID().toString());
          // A default header: problem responses already carry the id and must not repeat it.
          return respondWithDefaultHeader(
              RawHeader.create(Problems.CORRELATION_HEADER, id),
              () -> problems.handle(id, concat(api(), landing())));
        });
  }

  private Route api() {
    return pathPrefix("api", () -> concat(sensors.routes(), furnaces.routes(), twins.routes()));
  }

  private Route landing() {
    return pathSingleSlash(
        () ->
            get(
                () ->
                    complete(
                        HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, LandingPage.html()))));
  }
}
