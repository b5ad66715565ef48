package io.vitrum.http.routes;

import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.AttributeKey;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Names the path template of a route, e.g. {@code /api/sensors/{id}/readings}, for the request
 * metrics: each route says which template it serves where it has matched its path, so request paths
 * are never parsed again and ids or random paths never become label values. Wrapping a route is one
 * line:
 *
 * <pre>{@code
 * path("readings", () -> RouteTemplate.named("/api/sensors/{id}/readings", () -> post(...)))
 * }</pre>
 *
 * <p>The metrics layer puts a {@link Slot} on each request under {@link #KEY}; the innermost
 * template to match fills it, also when the route then fails or rejects the request (a 400 or 405
 * is still counted under the template). A request that no route names is counted as {@link
 * #UNMATCHED}.
 */
public final class RouteTemplate {
  /** The label of requests that matched no named route. */
  public static final String UNMATCHED = "other";

  /** The request attribute holding the slot that the matched route fills. */
  public static final AttributeKey<Slot> KEY =
      AttributeKey.create("vitrum-route-template", Slot.class);

  private RouteTemplate() {}

  /** Runs {@code inner}, recording {@code template} as the template of the request. */
  public static Route named(String template, Supplier<Route> inner) {
    return Directives.extractRequest(
        request -> {
          request.getAttribute(KEY).ifPresent(slot -> slot.template = template);
          return inner.get();
        });
  }

  /** The template of one request, filled in by the route that matched it. */
  public static final class Slot {
    // Written on the thread that runs the route, read on the one that completes the response.
    private volatile String template;

    /** The template of the matched route, or {@link #UNMATCHED}. */
    public String template() {
      String t = template;
      return t == null ? UNMATCHED : t;
    }
  }
}
