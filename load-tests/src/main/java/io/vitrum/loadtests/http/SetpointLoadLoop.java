package io.vitrum.loadtests.http;

import io.vitrum.loadtests.BearerToken;
import io.vitrum.loadtests.Cli;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Drives a running node's REST API with setpoint changes and prints what it sustained: persisted
 * setpoint commands per second, latency percentiles and failures by status.
 *
 * <p>Every request is a real, persisted change: each furnace (ids unique to the run, so that a
 * second run starts from nominal values again) toggles {@code crownTemperature} between 1570 and
 * 1560 degC, well within the parameter's maximum step, and each furnace is driven by one worker
 * only, so its changes never race. Bounded in time and in requests; talks to loopback only.
 *
 * <pre>
 * java -cp load-tests/target/classes io.vitrum.loadtests.http.SetpointLoadLoop \
 *     [http://127.0.0.1:8080] [--seconds 20] [--concurrency 8] [--furnaces 50] [--max-requests N]
 *     [--token-file ~/.vitrum/dev-token]
 * </pre>
 *
 * <p>Every request carries {@code Authorization: Bearer <token>}: the token from {@code
 * --token-file}, else {@code VITRUM_TOKEN}, else the admin token the local profile writes (see
 * {@link BearerToken}).
 */
public final class SetpointLoadLoop {
  private static final int MAX_SECONDS = 600;
  private static final int MAX_CONCURRENCY = 256;
  private static final int MAX_FURNACES = 100_000;
  private static final long MAX_REQUESTS = 5_000_000;
  private static final double LOW = 1560;
  private static final double HIGH = 1570;

  private SetpointLoadLoop() {}

  /** What to run: where, for how long, how many requests at most, how wide. */
  record Options(
      URI base, int seconds, int concurrency, int furnaces, long maxRequests, String token) {}

  /** What one worker saw. */
  private static final class Tally {
    long[] latencies = new long[1024];
    int count;
    long persisted;
    long unchanged;
    final Map<String, Long> failures = new TreeMap<>();

    void latency(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos;
    }

    void failure(String kind) {
      failures.merge(kind, 1L, Long::sum);
    }
  }

  public static void main(String[] args) throws Exception {
    Options options =
        Cli.parseOrExit(
            args,
            SetpointLoadLoop::parse,
            "usage: SetpointLoadLoop [http://127.0.0.1:8080] [--seconds 20] [--concurrency 8]"
                + " [--furnaces 50] [--max-requests 1000000] [--token-file ~/.vitrum/dev-token]");
    System.exit(run(options) ? 0 : 1);
  }

  static Options parse(String[] args) {
    URI base = URI.create("http://127.0.0.1:8080/");
    int seconds = 20;
    int concurrency = 8;
    int furnaces = 50;
    long maxRequests = 1_000_000;
    Path tokenFile = null;
    for (LoadTargets.Arg a : LoadTargets.arguments(args)) {
      String arg = a.name();
      String value = a.value();
      switch (arg) {
        case "" -> base = URI.create(value);
        case "--seconds" -> seconds = (int) LoadTargets.bounded(arg, value, 1, MAX_SECONDS);
        case "--concurrency" ->
            concurrency = (int) LoadTargets.bounded(arg, value, 1, MAX_CONCURRENCY);
        case "--furnaces" -> furnaces = (int) LoadTargets.bounded(arg, value, 1, MAX_FURNACES);
        case "--max-requests" -> maxRequests = LoadTargets.bounded(arg, value, 1, MAX_REQUESTS);
        case "--token-file" -> tokenFile = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    LoadTargets.requireLoopback(base);
    if (concurrency > furnaces) {
      throw new IllegalArgumentException(
          "--concurrency must not exceed --furnaces: each furnace belongs to one worker");
    }
    return new Options(
        base, seconds, concurrency, furnaces, maxRequests, BearerToken.resolve(tokenFile));
  }

  static boolean run(Options options) throws InterruptedException {
    String run = Long.toString(System.currentTimeMillis() / 1000, 36).toUpperCase(Locale.ROOT);
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    System.out.printf(
        "SetpointLoadLoop %s: %d s, concurrency %d, %d furnaces (L%s-0 .. L%s-%d), at most %d"
            + " requests%n",
        options.base(),
        options.seconds(),
        options.concurrency(),
        options.furnaces(),
        run,
        run,
        options.furnaces() - 1,
        options.maxRequests());

    AtomicLong budget = new AtomicLong(options.maxRequests());
    long start = System.nanoTime();
    long deadline = start + Duration.ofSeconds(options.seconds()).toNanos();
    List<Tally> tallies = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < options.concurrency(); w++) {
      Tally tally = new Tally();
      tallies.add(tally);
      List<String> own = new ArrayList<>();
      for (int f = w; f < options.furnaces(); f += options.concurrency()) {
        own.add("L" + run + "-" + f);
      }
      Thread worker =
          new Thread(
              () -> drive(client, options, own, deadline, budget, tally), "setpoint-load-" + w);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    return report(tallies, elapsed);
  }

  /** Sends setpoint changes to {@code furnaces} in turn until the deadline or the budget ends. */
  private static void drive(
      HttpClient client,
      Options options,
      List<String> furnaces,
      long deadline,
      AtomicLong budget,
      Tally tally) {
    boolean[] high = new boolean[furnaces.size()];
    for (int i = 0; System.nanoTime() < deadline && budget.getAndDecrement() > 0; i++) {
      int f = i % furnaces.size();
      double value = high[f] ? LOW : HIGH;
      HttpRequest request =
          HttpRequest.newBuilder(
                  options.base().resolve("api/furnaces/" + furnaces.get(f) + "/setpoints"))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + options.token())
              .POST(
                  BodyPublishers.ofString(
                      "{\"parameter\":\"crownTemperature\",\"value\":"
                          + value
                          + ",\"reason\":\"load loop\"}"))
              .build();
      long sent = System.nanoTime();
      try {
        HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
        tally.latency(System.nanoTime() - sent);
        if (response.statusCode() != 200) {
          tally.failure(Integer.toString(response.statusCode()));
        } else if (response.body().contains("\"setpoint changed\"")) {
          tally.persisted++;
          high[f] = !high[f];
        } else {
          tally.unchanged++;
          high[f] = !high[f];
        }
      } catch (IOException e) {
        tally.latency(System.nanoTime() - sent);
        tally.failure("io:" + e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static boolean report(List<Tally> tallies, double elapsed) {
    int total = tallies.stream().mapToInt(t -> t.count).sum();
    long[] all = new long[total];
    int at = 0;
    long persisted = 0;
    long unchanged = 0;
    Map<String, Long> failures = new TreeMap<>();
    for (Tally t : tallies) {
      System.arraycopy(t.latencies, 0, all, at, t.count);
      at += t.count;
      persisted += t.persisted;
      unchanged += t.unchanged;
      t.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
    }
    Arrays.sort(all);
    long failed = failures.values().stream().mapToLong(Long::longValue).sum();
    System.out.printf(Locale.ROOT, "elapsed         %.1f s%n", elapsed);
    System.out.printf(
        Locale.ROOT, "requests        %d (%.1f/s)%n", total, total / Math.max(elapsed, 1e-9));
    System.out.printf(
        Locale.ROOT,
        "persisted       %d setpoint changes (%.1f/s)%n",
        persisted,
        persisted / Math.max(elapsed, 1e-9));
    System.out.printf(Locale.ROOT, "unchanged       %d%n", unchanged);
    if (total > 0) {
      System.out.printf(
          Locale.ROOT,
          "latency ms      p50 %.2f  p95 %.2f  p99 %.2f  max %.2f%n",
          LoadTargets.percentile(all, 0.50),
          LoadTargets.percentile(all, 0.95),
          LoadTargets.percentile(all, 0.99),
          all[total - 1] / 1e6);
    }
    System.out.println("failures        " + (failed == 0 ? "none" : failures));
    return persisted > 0 && failed == 0;
  }
}
