package io.vitrum.loadtests.ingest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One scrape of a node's Prometheus text ({@code /metrics}): sums of series by name and labels, and
 * quantiles of a histogram's buckets (difference of two scrapes for a window).
 */
record Prometheus(List<String> lines) {

  static Prometheus scrape(HttpClient http, URI metrics) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(metrics + " answered " + r.statusCode());
    }
    return new Prometheus(r.body().lines().filter(l -> !l.startsWith("#")).toList());
  }

  /** Sum of the series named {@code name} whose labels include every one of {@code labels}. */
  double sum(String name, String... labels) {
    double total = 0;
    for (String line : lines) {
      if (matches(line, name, labels)) {
        total += value(line);
      }
    }
    return total;
  }

  /** Cumulative bucket counts of histogram {@code name} (le → count) for {@code labels}. */
  Map<Double, Double> buckets(String name, String... labels) {
    Map<Double, Double> out = new TreeMap<>();
    for (String line : lines) {
      if (matches(line, name + "_bucket", labels)) {
        int le = line.indexOf("le=\"");
        String bound = line.substring(le + 4, line.indexOf('"', le + 4));
        out.merge(
            bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound),
            value(line),
            Double::sum);
      }
    }
    return out;
  }

  /** The {@code q} quantile (0-1) of the observations between scrape {@code before} and this. */
  double quantile(Prometheus before, String name, double q, String... labels) {
    Map<Double, Double> now = buckets(name, labels);
    Map<Double, Double> then = before.buckets(name, labels);
    List<Double> bounds = new ArrayList<>(now.keySet());
    double total =
        now.getOrDefault(Double.POSITIVE_INFINITY, 0.0)
            - then.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
    if (total <= 0) {
      return Double.NaN;
    }
    for (double bound : bounds) {
      double count = now.get(bound) - then.getOrDefault(bound, 0.0);
      if (count >= q * total) {
        return bound;
      }
    }
    return Double.POSITIVE_INFINITY;
  }

  private static boolean matches(String line, String name, String... labels) {
    if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
      return false;
    }
    for (String label : labels) {
      if (!line.contains(label)) {
        return false;
      }
    }
    return true;
  }

  private static double value(String line) {
    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
  }
}
