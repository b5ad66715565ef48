package io.vitrum.streams.ingest.opcua;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.testsupport.Collector;
import io.vitrum.streams.ingest.testsupport.Eventually;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OPC UA source across a server restart on the same port. */
class OpcUaReconnectTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String T = "F1.regenerator.T1";

  private static ActorTestKit testKit;
  private static TestOpcUaServer server;

  @BeforeAll
  static void start() throws Exception {
    testKit = ActorTestKit.create();
    server = TestOpcUaServer.plain().doubles(T).start();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    testKit.shutdownTestKit();
  }

  @Test
  void reconnectsAndResubscribesAfterTheServerRestarts() throws Exception {
    SourceHandle handle = new IngestStatus(Clock.systemUTC()).handle("opcua");
    OpcUaSource source =
        new OpcUaSource(
            OpcUaTestSettings.of(server.endpoint()), List.of(OpcUaTestSettings.row(T)), handle);
    AtomicLong counter = new AtomicLong();
    ScheduledExecutorService plant = Executors.newSingleThreadScheduledExecutor();
    plant.scheduleAtFixedRate(
        () -> server.set(T, (double) counter.incrementAndGet()), 0, 60, TimeUnit.MILLISECONDS);
    try (Collector<NotUsed> c = Collector.run(source.inbound(), testKit.system())) {
      Eventually.await(
          WAIT, () -> c.readings(T).size() >= 10, () -> "readings before: " + c.readings(T));

      server.stop();
      Eventually.await(
          WAIT,
          () -> handle.status().state() != ConnectionState.CONNECTED,
          () -> "the loss noticed: " + handle.status());
      int before = c.readings(T).size();
      long lastBefore = (long) c.readings(T).get(before - 1).value();

      server.start();
      Eventually.await(
          WAIT,
          () -> handle.status().state() == ConnectionState.CONNECTED,
          () -> "connected again: " + handle.status());
      Eventually.await(
          WAIT,
          () -> c.readings(T).size() >= before + 10,
          () -> "readings after the restart: " + (c.readings(T).size() - before));

      assertTrue(handle.status().reconnects() >= 1, () -> "reconnects: " + handle.status());
      assertTrue(handle.status().lastError() != null, "the loss is the last error");
      List<Double> after =
          c.readings(T).subList(before, c.readings(T).size()).stream().map(r -> r.value()).toList();
      assertTrue(
          after.stream().allMatch(v -> v > lastBefore),
          () -> "values after the restart are newer than " + lastBefore + ": " + after);
    } finally {
      plant.shutdownNow();
    }
  }
}
