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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks one twin for many long what-ifs at once and prints how the node copes: the latency of a
 * single what-if, the status and latency of each request of the burst (those beyond the twin's cap
 * should be quick 429s), and the latency of {@code GET /api/furnaces/{id}} while the burst runs,
 * against the same request when the node is idle. Bounded in requests; talks to loopback only.
 *
 * <pre>
 * java -cp load-tests/target/classes io.vitrum.loadtests.http.WhatIfBurst \
 *     [http://127.0.0.1:8080] [--furnace F1] [--burst 40] [--horizon-minutes 10080]
 * </pre>
 */
public final class WhatIfBurst {
  private static final int MAX_BURST = 200;
  private static final int PROBES_IDLE = 50;
  private static final int SINGLES = 3;

  private WhatIfBurst() {}

  /** What to run: where, which furnace, how many at once, how far ahead. */
  record Options(URI base, String furnace, int burst, int horizonMinutes) {}

  /** One answered request: its status and how long it took. */
  private record Answer(int status, long nanos) {}

  public static void main(String[] args) throws Exception {
    Options options =
        Cli.parseOrExit(
            args,
            WhatIfBurst::parse,
            "usage: WhatIfBurst [http://127.0.0.1:8080] [--furnace F1] [--burst 40]"
                + " [--horizon-minutes 10080]");
    System.exit(run(options) ? 0 : 1);
  }

  static Options parse(String[] args) {
    URI base = URI.create("http://127.0.0.1:8080/");
    String furnace = "F1";
    int burst = 40;
    int horizon = 7 * 24 * 60;
    for (LoadTargets.Arg a : LoadTargets.arguments(args)) {
      String arg = a.name();
      String value = a.value();
      switch (arg) {
        case "" -> base = URI.create(value);
        case "--furnace" -> furnace = value;
        case "--burst" -> burst = (int) LoadTargets.bounded(arg, value, 1, MAX_BURST);
        case "--horizon-minutes" -> horizon = (int) LoadTargets.bounded(arg, value, 1, 7 * 24 * 60);
        default -> throw new IllegalArgumentException("unknown option " + arg);
      }
    }
    if (!furnace.matches("[A-Za-z0-9_-]{1,32}")) {
      throw new IllegalArgumentException("--furnace must be a furnace id, not " + furnace);
    }
    LoadTargets.requireLoopback(base);
    return new Options(base, furnace, burst, horizon);
  }

  static boolean run(Options o) throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    HttpRequest show =
        HttpRequest.newBuilder(o.base().resolve("api/furnaces/" + o.furnace()))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", BearerToken.authorization())
            .GET()
            .build();
    HttpRequest whatIf =
        HttpRequest.newBuilder(o.base().resolve("api/twin/" + o.furnace() + "/what-if"))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", BearerToken.authorization())
            .header("Content-Type", "application/json")
            .POST(
                BodyPublishers.ofString(
                    "{\"changes\":{\"crownTemperature\":10},\"horizonMinutes\":"
                        + o.horizonMinutes()
                        + "}"))
            .build();
    System.out.printf(
        "WhatIfBurst %s: furnace %s, burst %d, horizon %d min%n",
        o.base(), o.furnace(), o.burst(), o.horizonMinutes());

    List<Answer> idle = new ArrayList<>();
    for (int i = 0; i < PROBES_IDLE; i++) {
      idle.add(send(client, show));
    }
    List<Answer> singles = new ArrayList<>();
    for (int i = 0; i < SINGLES; i++) {
      singles.add(send(client, whatIf));
    }

    CountDownLatch go = new CountDownLatch(1);
    List<Answer> burst = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < o.burst(); i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  Answer a = send(client, whatIf);
                  synchronized (burst) {
                    burst.add(a);
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "what-if-" + i);
      threads.add(t);
      t.start();
    }
    AtomicBoolean bursting = new AtomicBoolean(true);
    List<Answer> during = new ArrayList<>();
    Thread prober =
        new Thread(
            () -> {
              while (bursting.get() && during.size() < 100_000) {
                during.add(send(client, show));
              }
            },
            "furnace-probe");
    long start = System.nanoTime();
    go.countDown();
    prober.start();
    for (Thread t : threads) {
      t.join();
    }
    double burstSeconds = (System.nanoTime() - start) / 1e9;
    bursting.set(false);
    prober.join();

    line("GET furnace, idle", idle);
    line("what-if alone", singles);
    Map<Integer, List<Answer>> byStatus = new TreeMap<>();
    burst.forEach(a -> byStatus.computeIfAbsent(a.status(), s -> new ArrayList<>()).add(a));
    System.out.printf(Locale.ROOT, "burst took      %.2f s%n", burstSeconds);
    byStatus.forEach((status, answers) -> line("burst " + status, answers));
    line("GET furnace, burst", during);
    double ratio =
        LoadTargets.percentile(sorted(during), 0.5) / LoadTargets.percentile(sorted(idle), 0.5);
    System.out.printf(Locale.ROOT, "GET p50 burst/idle  %.2f%n", ratio);
    return burst.stream().noneMatch(a -> a.status() >= 500 || a.status() < 0);
  }

  private static Answer send(HttpClient client, HttpRequest request) {
    long sent = System.nanoTime();
    try {
      HttpResponse<String> response = client.send(request, BodyHandlers.ofString());
      return new Answer(response.statusCode(), System.nanoTime() - sent);
    } catch (IOException e) {
      return new Answer(-1, System.nanoTime() - sent);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(-1, System.nanoTime() - sent);
    }
  }

  private static long[] sorted(List<Answer> answers) {
    long[] nanos = answers.stream().mapToLong(Answer::nanos).toArray();
    Arrays.sort(nanos);
    return nanos;
  }

  private static void line(String what, List<Answer> answers) {
    long[] nanos = sorted(answers);
    System.out.printf(
        Locale.ROOT,
        "%-20s n %4d  p50 %8.2f ms  p99 %8.2f ms  max %8.2f ms%n",
        what,
        nanos.length,
        LoadTargets.percentile(nanos, 0.5),
        LoadTargets.percentile(nanos, 0.99),
        nanos.length == 0 ? Double.NaN : nanos[nanos.length - 1] / 1e6);
  }
}
