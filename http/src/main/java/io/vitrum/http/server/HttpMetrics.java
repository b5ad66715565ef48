package io.vitrum.http.server;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vitrum.http.routes.RouteTemplate;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * Times every HTTP request as {@code vitrum_http_requests_seconds{method,route,status}}, where
 * {@code route} is the path template that the matched route names through {@link RouteTemplate}
 * ({@code /api/sensors/{id}/readings}), or {@code other} when no route matched. Every label comes
 * from a bounded set, so neither ids nor random paths, methods or statuses can create series; the
 * timers are registered once per label set and then reused.
 */
public final class HttpMetrics extends AllDirectives {
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT");

  /** Statuses counted as themselves; any other is counted by its class, e.g. {@code 4xx}. */
  private static final int[] STATUSES = {
    200, 201, 202, 204, 301, 302, 304, 400, 401, 403, 404, 405, 406, 408, 409, 413, 414, 415, 417,
    422, 429, 431, 500, 501, 502, 503, 504, 505
  };

  private static final String[] STATUS_LABELS = statusLabels();

  private final MeterRegistry registry;
  private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

  private record Key(String method, String route, String status) {}

  public HttpMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** {@code inner}, measured; {@code inner} is built once by the caller and reused. */
  public Route measured(Route inner) {
    return extractRequest(
        request -> {
          long start = System.nanoTime();
          String method = methodLabel(request.method().value());
          RouteTemplate.Slot slot = new RouteTemplate.Slot();
          return mapRequest(
              r -> r.addAttribute(RouteTemplate.KEY, slot),
              () ->
                  mapResponse(
                      response -> {
                        timer(method, slot.template(), statusLabel(response.status().intValue()))
                            .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                        return response;
                      },
                      () -> inner));
        });
  }

  private Timer timer(String method, String route, String status) {
    Key key = new Key(method, route, status);
    Timer timer = timers.get(key);
    return timer != null ? timer : timers.computeIfAbsent(key, this::register);
  }

  private Timer register(Key key) {
    return Timer.builder("vitrum.http.requests")
        .description("HTTP requests by route template and status")
        .tags("method", key.method(), "route", key.route(), "status", key.status())
        .publishPercentileHistogram()
        .maximumExpectedValue(Duration.ofSeconds(10))
        .register(registry);
  }

  static String methodLabel(String method) {
    return METHODS.contains(method) ? method : "other";
  }

  static String statusLabel(int status) {
    return status >= 100 && status < 600 ? STATUS_LABELS[status] : "other";
  }

  private static String[] statusLabels() {
    String[] labels = new String[600];
    for (int s = 100; s < 600; s++) {
      labels[s] = (s / 100) + "xx";
    }
    for (int s : STATUSES) {
      labels[s] = Integer.toString(s);
    }
    return labels;
  }
}
