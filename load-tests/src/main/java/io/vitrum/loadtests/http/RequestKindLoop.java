package io.vitrum.loadtests.http;

import io.vitrum.loadtests.BearerToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives a running node's REST API with one kind of request that persists nothing, to measure the
 * HTTP layer rather than the journal: {@code get} ({@code GET /api/furnaces/{id}}, an entity ask),
 * {@code invalid} (a setpoint body missing its reason: parsed, validated, 422 without an ask) or
 * {@code notfound} ({@code GET /api/boilers/{id}}: the rejection path). Prints the requests sent
 * and their statuses. Bounded in time; talks to loopback only.
 *
 * <pre>
 * java -cp load-tests/target/classes io.vitrum.loadtests.http.RequestKindLoop \
 *     http://127.0.0.1:8080 get|invalid|notfound [seconds 20] [concurrency 2]
 * </pre>
 */
public final class RequestKindLoop {
  private static final int MAX_SECONDS = 600;
  private static final int MAX_CONCURRENCY = 256;
  private static final int FURNACES_PER_WORKER = 10;

  private RequestKindLoop() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || !List.of("get", "invalid", "notfound").contains(args[1])) {
      System.err.println(
          "usage: RequestKindLoop http://127.0.0.1:8080 get|invalid|notfound [seconds]"
              + " [concurrency]");
      System.exit(2);
    }
    URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
    LoadTargets.requireLoopback(base);
    String kind = args[1];
    int seconds =
        args.length > 2 ? (int) LoadTargets.bounded("argument 2", args[2], 1, MAX_SECONDS) : 20;
    int concurrency =
        args.length > 3 ? (int) LoadTargets.bounded("argument 3", args[3], 1, MAX_CONCURRENCY) : 2;

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
    List<Thread> workers = new ArrayList<>();
    for (int w = 0; w < concurrency; w++) {
      int worker = w;
      Thread thread =
          new Thread(
              () -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                  String id = "K" + worker + "-" + (i % FURNACES_PER_WORKER);
                  String status;
                  try {
                    HttpResponse<Void> response =
                        client.send(request(base, kind, id), BodyHandlers.discarding());
                    status = Integer.toString(response.statusCode());
                  } catch (IOException e) {
                    status = "io:" + e.getClass().getSimpleName();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
              },
              "request-kind-" + w);
      workers.add(thread);
      thread.start();
    }
    long total = 0;
    for (Thread worker : workers) {
      worker.join();
    }
    Map<String, Long> counts = new TreeMap<>();
    for (Map.Entry<String, LongAdder> e : statuses.entrySet()) {
      counts.put(e.getKey(), e.getValue().sum());
      total += e.getValue().sum();
    }
    System.out.println("requests " + total + " in " + seconds + " s, by status " + counts);
  }

  private static HttpRequest request(URI base, String kind, String id) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder()
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", BearerToken.authorization());
    return switch (kind) {
      case "get" -> request.uri(base.resolve("api/furnaces/" + id)).GET().build();
      case "notfound" -> request.uri(base.resolve("api/boilers/" + id)).GET().build();
      default ->
          request
              .uri(base.resolve("api/furnaces/" + id + "/setpoints"))
              .header("Content-Type", "application/json")
              .POST(BodyPublishers.ofString("{\"parameter\":\"crownTemperature\",\"value\":1565}"))
              .build();
    };
  }
}
