package io.vitrum.loadtests.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.actors.live.LiveEvents;
import io.vitrum.actors.live.LivePublisher;
import io.vitrum.actors.twin.TwinSettings;
import io.vitrum.core.live.LiveTopic;
import io.vitrum.core.security.Role;
import io.vitrum.http.audit.AuditEntry;
import io.vitrum.http.audit.AuditQuery;
import io.vitrum.http.audit.AuditTrail;
import io.vitrum.http.auth.AuthSettings;
import io.vitrum.http.auth.HsSecret;
import io.vitrum.http.auth.Security;
import io.vitrum.http.auth.TokenIssuer;
import io.vitrum.http.routes.HttpSettings;
import io.vitrum.http.server.HttpServer;
import io.vitrum.http.server.Node;
import io.vitrum.http.ws.WsMetrics;
import io.vitrum.loadtests.Cli;
import io.vitrum.streams.features.LatestFeatures;
import io.vitrum.streams.history.InMemoryHistoryStore;
import io.vitrum.streams.inference.LatestPredictions;
import io.vitrum.streams.inference.ServedModels;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;

/**
 * WebSocket fan-out: one node in this JVM (cluster provider, the node's whole route on loopback),
 * {@code --clients} JDK WebSocket clients, each authenticated with its own token and subscribed to
 * {@code furnace/<id>} of one of {@code --furnaces} furnaces, and a publisher that sends {@code
 * --rate} telemetry events per second to every furnace topic through {@link LiveEvents} (the path
 * the entities use: pub-sub topic, each client's session and buffer, the socket), so that every
 * client receives {@code --rate} messages per second. Prints the clients held, the messages
 * delivered per second, the delivery latency (from the publish timestamp in the message to its
 * arrival, both taken in this JVM) and the heap before and after.
 *
 * <pre>
 * mvn -B -q -pl load-tests -am package -DskipTests
 * java -Xmx1g -cp "load-tests/target/classes:$(cat load-tests/target/runtime.classpath)" \
 *     io.vitrum.loadtests.ws.WsFanOutLoad --clients 1000 --furnaces 100 --rate 10 --seconds 30
 * </pre>
 */
public final class WsFanOutLoad {
  private static final String USAGE =
      "usage: WsFanOutLoad [--clients 1000] [--furnaces 100] [--rate 10] [--seconds 30]";
  private static final ObjectMapper JSON = new ObjectMapper();

  record Options(int clients, int furnaces, int rate, int seconds) {
    static Options parse(String[] args) {
      Map<String, Integer> values =
          new LinkedHashMap<>(
              Map.of("--clients", 1000, "--furnaces", 100, "--rate", 10, "--seconds", 30));
      for (int i = 0; i < args.length; i += 2) {
        if (!values.containsKey(args[i]) || i + 1 >= args.length) {
          throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
        }
        values.put(args[i], Integer.parseInt(args[i + 1]));
      }
      return new Options(
          values.get("--clients"),
          values.get("--furnaces"),
          values.get("--rate"),
          values.get("--seconds"));
    }
  }

  /** One client: counts what it receives and records each telemetry message's latency. */
  static final class Client implements WebSocket.Listener {
    final CountDownLatch subscribed = new CountDownLatch(1);
    final AtomicLong received = new AtomicLong();
    final long[] latenciesMicros;
    int recorded;

    /** Messages published from this System.nanoTime() on are measured; Long.MAX_VALUE: none. */
    volatile long measuredFrom = Long.MAX_VALUE;

    private final StringBuilder partial = new StringBuilder();

    Client(int capacity) {
      latenciesMicros = new long[capacity];
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        try {
          JsonNode m = JSON.readTree(text);
          String type = m.path("type").asText();
          if (type.equals("sensor")) {
            long sent = m.path("data").path("sentNanos").asLong();
            if (sent - measuredFrom >= 0) {
              received.incrementAndGet();
              if (recorded < latenciesMicros.length) {
                latenciesMicros[recorded++] = (System.nanoTime() - sent) / 1000;
              }
            }
          } else if (type.equals("subscribed")) {
            subscribed.countDown();
          } else if (type.equals("error")) {
            System.err.println("error from the server: " + text);
          }
        } catch (Exception e) {
          System.err.println("unreadable message: " + e);
        }
      }
      ws.request(1);
      return null;
    }
  }

  public static void main(String[] args) throws Exception {
    Options o = Cli.parseOrExit(args, Options::parse, USAGE);
    Config config =
        ConfigFactory.parseString(
                """
                pekko.actor.provider = cluster
                pekko.remote.artery.canonical.hostname = "127.0.0.1"
                pekko.remote.artery.canonical.port = 0
                pekko.coordinated-shutdown.exit-jvm = off
                pekko.log-dead-letters = off
                pekko.loglevel = WARNING
                vitrum.http.port = 0
                """)
            .withFallback(ConfigFactory.load())
            .resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "WsFanOutLoad", config);
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));
    HsSecret secret = HsSecret.random();
    AuthSettings auth = AuthSettings.create(config);
    AuditTrail audit = new NoAudit();
    Security security =
        Security.create(config, auth, Optional.of(secret), audit, Clock.systemUTC());
    HttpSettings settings = HttpSettings.create(config);
    int port =
        HttpServer.start(
                system,
                settings,
                Node.route(
                    system,
                    settings,
                    TwinSettings.create(config),
                    Optional::empty,
                    security,
                    audit,
                    new InMemoryHistoryStore(),
                    new LatestFeatures(),
                    ServedModels.none(),
                    new LatestPredictions()))
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS)
            .localAddress()
            .getPort();
    TokenIssuer issuer = new TokenIssuer(secret, auth, Clock.systemUTC());
    long heapBefore = usedHeap();

    HttpClient http = HttpClient.newHttpClient();
    List<Client> clients = new ArrayList<>();
    List<WebSocket> sockets = new ArrayList<>();
    long connectStart = System.nanoTime();
    for (int i = 0; i < o.clients(); i++) {
      String furnace = "LF" + (i % o.furnaces());
      Client client = new Client(o.rate() * o.seconds() + 100);
      WebSocket ws =
          http.newWebSocketBuilder()
              .subprotocols(
                  "vitrum.v1",
                  "bearer."
                      + issuer.issue(
                          "load-" + i, List.of(Role.VIEWER), List.of(furnace), Duration.ofHours(1)))
              .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
              .get(30, TimeUnit.SECONDS);
      ws.sendText("{\"type\":\"subscribe\",\"topics\":[\"furnace/" + furnace + "\"]}", true);
      clients.add(client);
      sockets.add(ws);
    }
    for (Client c : clients) {
      if (!c.subscribed.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("a client was not subscribed within 60 s");
      }
    }
    double connectS = (System.nanoTime() - connectStart) / 1e9;
    WsMetrics metrics = WsMetrics.get(system);
    System.out.printf(
        "connected and subscribed %d clients in %.1f s; node counts %d%n",
        clients.size(), connectS, metrics.clients());

    // Warm-up: 3 s at the rate, not measured (the pub-sub topics learn their subscribers).
    LivePublisher live = LiveEvents.get(system).publisher();
    publish(live, o, 3);
    long start = System.nanoTime();
    clients.forEach(c -> c.measuredFrom = start);
    long published = publish(live, o, o.seconds());
    double publishS = (System.nanoTime() - start) / 1e9;
    long heapAfter = usedHeap();
    // What is still on its way arrives; wait until nothing more does (at most 30 s).
    long delivered = 0;
    for (int i = 0; i < 60; i++) {
      long now = clients.stream().mapToLong(c -> c.received.get()).sum();
      if (now == delivered && i > 0) {
        break;
      }
      delivered = now;
      Thread.sleep(500);
    }

    long[] all =
        clients.stream()
            .flatMapToLong(c -> Arrays.stream(c.latenciesMicros, 0, c.recorded))
            .sorted()
            .toArray();
    long expected = published * (o.clients() / o.furnaces());
    System.out.printf(
        "held %d clients x %d msg/s: published %d events in %.1f s (%.0f/s to %d topics), "
            + "delivered %d of %d expected (%.0f msg/s)%n",
        metrics.clients(),
        o.rate(),
        published,
        publishS,
        published / publishS,
        o.furnaces(),
        delivered,
        expected,
        delivered / publishS);
    System.out.printf(
        "delivery latency p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d samples)%n",
        quantile(all, 0.50) / 1000.0,
        quantile(all, 0.99) / 1000.0,
        all.length == 0 ? 0 : all[all.length - 1] / 1000.0,
        all.length);
    System.out.printf(
        "conflated %.0f, dropped %.0f, buffer high-water %d; heap used %d MiB before clients,"
            + " %d MiB with them at the end of the load%n",
        metrics.conflated(),
        metrics.dropped(),
        metrics.highWater(),
        heapBefore / (1 << 20),
        heapAfter / (1 << 20));

    for (WebSocket ws : sockets) {
      ws.abort();
    }
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Publishes {@code rate} events per second to every furnace topic for {@code seconds}. */
  private static long publish(LivePublisher live, Options o, int seconds)
      throws InterruptedException {
    long count = 0;
    long tickNanos = 1_000_000_000L / o.rate();
    long next = System.nanoTime();
    for (int tick = 0; tick < o.rate() * seconds; tick++) {
      for (int f = 0; f < o.furnaces(); f++) {
        String furnace = "LF" + f;
        String tag = furnace + ".zone.T" + (tick % 50);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tag", tag);
        data.put("value", (double) tick);
        data.put("readingTs", java.time.Instant.now().toString());
        data.put("anomaly", "NORMAL");
        data.put("accepted", 1);
        data.put("sentNanos", System.nanoTime());
        live.publish("sensor", furnace, tag, false, data, LiveTopic.furnace(furnace));
        count++;
      }
      next += tickNanos;
      long sleep = next - System.nanoTime();
      if (sleep > 0) {
        TimeUnit.NANOSECONDS.sleep(sleep);
      }
    }
    return count;
  }

  private static long quantile(long[] sorted, double q) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, q * sorted.length)];
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static final class NoAudit implements AuditTrail {
    @Override
    public CompletionStage<Done> record(AuditEntry entry) {
      return CompletableFuture.completedFuture(Done.getInstance());
    }

    @Override
    public CompletionStage<List<AuditEntry>> find(AuditQuery query) {
      return CompletableFuture.completedFuture(List.of());
    }
  }
}
