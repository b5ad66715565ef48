package io.vitrum.http.routes;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.plant.TagId;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.streams.history.HistoryQuery;
import io.vitrum.streams.history.HistorySettings;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.HttpEntity;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/sensors/{tag}/history} and {@code GET /api/furnaces/{id}/history?tags=a,b}: a
 * tag's history, or several tags of a furnace on one time axis (every tag it has history of when
 * {@code tags} is left out), as JSON or, with {@code Accept: text/csv}, CSV: the export a plant
 * trains its models on. The query is {@link HistoryParameters}. An answer holds at most the
 * configured number of points (cells for several tags); a request for more is refused with 422
 * {@code history-too-large} unless it pages with {@code limit}, when the answer says where the next
 * page starts ({@code next}, and the {@code Vitrum-Next} header).
 */
public final class HistoryRoutes extends AllDirectives {
  static final Endpoint SENSOR = Endpoint.get("/api/sensors/{id}/history", Scope.SENSOR);
  static final Endpoint FURNACE = Endpoint.get("/api/furnaces/{id}/history", Scope.FURNACE);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(SENSOR, FURNACE);

  private static final String NEXT_HEADER = "Vitrum-Next";

  private final HistoryQuery query;
  private final HistorySettings.Query settings;
  private final Function<String, CompletionStage<Boolean>> configured;
  private final Clock clock;

  /**
   * @param query the history
   * @param settings its bounds
   * @param configured whether a tag is a configured sensor (a sensor without history yet is known,
   *     with no points)
   * @param clock for the default range
   */
  public HistoryRoutes(
      HistoryQuery query,
      HistorySettings.Query settings,
      Function<String, CompletionStage<Boolean>> configured,
      Clock clock) {
    this.query = query;
    this.settings = settings;
    this.configured = configured;
    this.clock = clock;
  }

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("sensors").slash(PathMatchers.segment()).slash("history"),
            tag -> Access.serve(SENSOR, tag, caller -> sensor(tag))),
        path(
            PathMatchers.segment("furnaces").slash(PathMatchers.segment()).slash("history"),
            furnace -> Access.serve(FURNACE, furnace, caller -> furnace(furnace))));
  }

  private Route sensor(String tag) {
    return parameterMap(
        params ->
            extractRequest(
                request -> {
                  HistoryParameters p = HistoryParameters.parse(params, settings, clock);
                  int limit = p.limit().orElse(settings.maxPoints());
                  long from = p.from().toEpochMilli();
                  long to = p.to().toEpochMilli();
                  return onSuccess(
                      known(tag)
                          .thenCompose(
                              known -> {
                                if (!known) {
                                  throw notFound(tag);
                                }
                                return query.series(tag, from, to, p.step(), limit);
                              }),
                      page -> {
                        refuseIfTruncated(p, page.next(), limit, 1);
                        return respond(
                            wantsCsv(request)
                                ? HistoryRendering.seriesCsv(page, p.aggregate())
                                : HistoryRendering.seriesJson(
                                    page, p.from(), p.to(), p.aggregate()),
                            page.next());
                      });
                }));
  }

  private Route furnace(String furnace) {
    if (!FurnaceId.isValid(furnace)) {
      throw HistoryParameters.invalid("'" + furnace + "' is not a furnace id");
    }
    return parameterMap(
        params ->
            extractRequest(
                request -> {
                  HistoryParameters p = HistoryParameters.parse(params, settings, clock);
                  long from = p.from().toEpochMilli();
                  long to = p.to().toEpochMilli();
                  return onSuccess(
                      tags(furnace, params.get("tags")),
                      tags -> {
                        int rows = Math.max(1, settings.maxPoints() / tags.size());
                        if (p.limit().isPresent() && p.limit().getAsInt() > rows) {
                          throw HistoryParameters.invalid(
                              "limit may be at most "
                                  + rows
                                  + " rows for "
                                  + tags.size()
                                  + " tags ("
                                  + settings.maxPoints()
                                  + " values per answer)");
                        }
                        int limit = p.limit().orElse(rows);
                        return onSuccess(
                            query.aligned(tags, from, to, p.step(), p.aggregate(), limit),
                            page -> {
                              refuseIfTruncated(p, page.next(), limit, tags.size());
                              return respond(
                                  wantsCsv(request)
                                      ? HistoryRendering.alignedCsv(page)
                                      : HistoryRendering.alignedJson(
                                          furnace, page, p.from(), p.to(), p.aggregate()),
                                  page.next());
                            });
                      });
                }));
  }

  /** The tags asked for (each of this furnace, each known), or every tag it has history of. */
  private CompletionStage<List<String>> tags(String furnace, String asked) {
    if (asked == null) {
      return query
          .tags(furnace)
          .thenApply(
              tags -> {
                if (tags.isEmpty()) {
                  throw new ProblemException(
                      Problem.of(
                          404,
                          "furnace-not-found",
                          "Furnace not found",
                          "furnace " + furnace + " has no history"));
                }
                return tags;
              });
    }
    List<String> tags = new ArrayList<>();
    for (String tag : asked.split(",", -1)) {
      String t = tag.trim();
      if (!TagId.isValid(t) || !TagId.furnaceOf(t).equals(furnace)) {
        throw HistoryParameters.invalid(
            "tags must be tags of furnace " + furnace + ", comma-separated: '" + t + "' is not");
      }
      if (!tags.contains(t)) {
        tags.add(t);
      }
    }
    return query
        .tags(furnace)
        .thenCompose(
            withHistory -> {
              CompletableFuture<?>[] checks =
                  tags.stream()
                      .filter(t -> !withHistory.contains(t))
                      .map(
                          t ->
                              configured
                                  .apply(t)
                                  .thenAccept(
                                      ok -> {
                                        if (!ok) {
                                          throw notFound(t);
                                        }
                                      })
                                  .toCompletableFuture())
                      .toArray(CompletableFuture[]::new);
              return CompletableFuture.allOf(checks).thenApply(v -> List.copyOf(tags));
            });
  }

  private CompletionStage<Boolean> known(String tag) {
    return query
        .tags(TagId.furnaceOf(tag))
        .thenCompose(
            tags ->
                tags.contains(tag)
                    ? CompletableFuture.completedFuture(true)
                    : configured.apply(tag));
  }

  private void refuseIfTruncated(HistoryParameters p, OptionalLong next, int limit, int tags) {
    if (next.isPresent() && p.limit().isEmpty()) {
      throw new ProblemException(
          Problem.of(
              422,
              "history-too-large",
              "History too large",
              "from "
                  + p.from()
                  + " to "
                  + p.to()
                  + " holds more than "
                  + limit
                  + (tags > 1 ? " rows of " + tags + " tags" : " points")
                  + " at step "
                  + p.step().wire()
                  + ", the most one answer carries: narrow the range, choose a coarser step, or"
                  + " page with limit=<n> and from=<next>"));
    }
  }

  private Route respond(HttpEntity.Strict entity, OptionalLong next) {
    HttpResponse response = HttpResponse.create().withEntity(entity);
    if (next.isPresent()) {
      response =
          response.addHeader(
              RawHeader.create(NEXT_HEADER, Instant.ofEpochMilli(next.getAsLong()).toString()));
    }
    return complete(response);
  }

  private static boolean wantsCsv(HttpRequest request) {
    return request.getHeader("Accept").map(h -> h.value().contains("text/csv")).orElse(false);
  }

  private static ProblemException notFound(String tag) {
    return new ProblemException(
        Problem.of(
            404,
            "sensor-not-found",
            "Sensor not found",
            "sensor " + tag + " is not configured and has no history"));
  }
}
