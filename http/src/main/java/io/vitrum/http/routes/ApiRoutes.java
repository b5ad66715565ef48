package io.vitrum.http.routes;

import io.vitrum.http.errors.CorrelationIds;
import io.vitrum.http.errors.Problems;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.model.headers.TimeoutAccess;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * The whole public HTTP surface of a node: a correlation id on every request and response,
 * problem+json for every failure (also the server's own request timeout), the {@code /api}
 * resources and a landing page at {@code /}.
 *
 * <p>The route tree is built once, at construction; per request only the correlation id is decided
 * and attached, as the request attribute {@link Problems#CORRELATION_ID} that the constant error
 * handlers read.
 */
public final class ApiRoutes extends AllDirectives {
  private final Route route;

  public ApiRoutes(
      SensorRoutes sensors, FurnaceRoutes furnaces, TwinRoutes twins, IngestRoutes ingest) {
    this.route =
        correlated(
            new Problems()
                .handle(
                    concat(
                        pathPrefix(
                            "api",
                            () ->
                                concat(
                                    sensors.routes(),
                                    furnaces.routes(),
                                    twins.routes(),
                                    ingest.routes())),
                        landing())));
  }

  /**
   * {@code tree} with a correlation id on every request and response: the caller's if it is safe,
   * else a fresh one; the server's request timeout answers with a problem carrying it. {@code tree}
   * is referenced, not rebuilt, per request.
   */
  static Route correlated(Route tree) {
    return Directives.extractRequest(
        request -> {
          String id =
              CorrelationIds.acceptOrFresh(
                  request.getHeader(Problems.CORRELATION_HEADER).map(HttpHeader::value));
          answerTimeoutsAsProblems(request, id);
          // A default header: problem responses already carry the id and must not repeat it.
          return Directives.mapRequest(
              r -> r.addAttribute(Problems.CORRELATION_ID, id),
              () ->
                  Directives.respondWithDefaultHeader(
                      RawHeader.create(Problems.CORRELATION_HEADER, id), () -> tree));
        });
  }

  /** The API; the same instance for every request. */
  public Route routes() {
    return route;
  }

  /** Makes the server's request timeout, if it is on, answer with a problem document. */
  private static void answerTimeoutsAsProblems(HttpRequest request, String id) {
    request
        .getHeader(TimeoutAccess.class)
        .ifPresent(
            access ->
                access
                    .timeoutAccess()
                    .updateHandler(timedOut -> Problems.requestTimeout(timedOut, id)));
  }

  private Route landing() {
    return pathSingleSlash(
        () ->
            RouteTemplate.named(
                "/",
                () ->
                    get(
                        () ->
                            complete(
                                HttpEntities.create(
                                    ContentTypes.TEXT_HTML_UTF8, LandingPage.html())))));
  }
}
