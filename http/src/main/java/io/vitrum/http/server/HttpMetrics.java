package io.vitrum.http.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Times every HTTP request as {@code vitrum_http_requests_seconds{method,route,status}}, where
 * {@code route} is the path template ({@code /api/sensors/{id}/readings}), so ids never blow up the
 * label cardinality.
 */
public final class HttpMetrics extends AllDirectives {
  private static final Set<String> RESOURCES = Set.of("sensors", "furnaces", "twin");
  private static final Set<String> SUB_RESOURCES =
      Set.of("readings", "setpoints", "autonomy", "alarms", "ack", "what-if", "shadow");

  private final MeterRegistry registry;

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public Route measured(Supplier<Route> inner) {
    return extractRequest(
        request -> {
          long start = System.nanoTime();
          String method = request.method().value();
          String route = template(request.getUri().path());
          return mapResponse(
              response -> {
                Timer.builder("vitrum.http.requests")
                    .description("HTTP requests by route template and status")
                    .tags(
                        "method",
                        method,
                        "route",
                        route,
                        "status",
                        Integer.toString(response.status().intValue()))
                    .publishPercentileHistogram()
                    .maximumExpectedValue(Duration.ofSeconds(10))
                    .register(registry)
                    .record(Duration.ofNanos(System.nanoTime() - start));
                return response;
              },
              inner);
        });
  }

  /**
   * The route template of {@code path}: ids replaced by {@code {id}}; any path that is not a known
   * shape folds to {@code other}, so that requests for random paths cannot create new series.
   */
  static String template(String path) {
    if (path.equals("/")) {
      return "/";
    }
    String[] s = path.substring(1).split("/", -1);
    if (s.length < 2 || !s[0].equals("api") || !RESOURCES.contains(s[1]) || s.length > 6) {
      return "other";
    }
    StringBuilder t = new StringBuilder("/api/").append(s[1]);
    for (int i = 2; i < s.length; i++) {
      boolean isId = i == 2 || (i == 4 && s[3].equals("alarms"));
      if (!isId && !SUB_RESOURCES.contains(s[i])) {
        return "other";
      }
      t.append('/').append(isId ? "{id}" : s[i]);
    }
    return t.toString();
  }
}
