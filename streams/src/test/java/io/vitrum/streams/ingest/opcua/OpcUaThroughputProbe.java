package io.vitrum.streams.ingest.opcua;

import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceHandle;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;

/**
 * Not a test (no assertions, not run by default): how many OPC UA notifications one client takes on
 * this box. Run with {@code -Dtest=OpcUaThroughputProbe -Dprobe.items=2000 -Dprobe.interval-ms=100
 * -Dprobe.seconds=15}. The in-process server changes every variable each interval; the source
 * samples and publishes at the same interval.
 */
class OpcUaThroughputProbe {

  @Test
  void measure() throws Exception {
    int items = Integer.getInteger("probe.items", 2000);
    int intervalMs = Integer.getInteger("probe.interval-ms", 100);
    int seconds = Integer.getInteger("probe.seconds", 15);
    String[] tags = new String[items];
    for (int i = 0; i < items; i++) {
      tags[i] = "F1.probe.V" + i;
    }
    ActorTestKit kit = ActorTestKit.create();
    try (TestOpcUaServer server = TestOpcUaServer.plain().doubles(tags).start()) {
      List<TagMapRow> rows = new ArrayList<>();
      for (String t : tags) {
        rows.add(OpcUaTestSettings.row(t));
      }
      SourceHandle handle = new IngestStatus(Clock.systemUTC()).handle("opcua");
      OpcUaSource source =
          new OpcUaSource(
              OpcUaTestSettings.of(
                  server.endpoint(),
                  "publishing-interval = "
                      + intervalMs
                      + "ms\n sampling-interval = "
                      + intervalMs
                      + "ms"),
              rows,
              handle);
      AtomicLong n = new AtomicLong();
      long[] latencies = new long[1 << 22];
      AtomicLong lat = new AtomicLong();
      AtomicLong tick = new AtomicLong();
      ScheduledExecutorService plant = Executors.newSingleThreadScheduledExecutor();
      plant.scheduleAtFixedRate(
          () -> {
            long k = tick.incrementAndGet();
            Instant now = Instant.now();
            for (String t : tags) {
              server.set(
                  t,
                  (double) k,
                  org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode.GOOD,
                  now);
            }
          },
          0,
          intervalMs,
          TimeUnit.MILLISECONDS);
      UniqueKillSwitch kill =
          source
              .inbound()
              .viaMat(KillSwitches.single(), Keep.right())
              .toMat(
                  Sink.foreach(
                      in -> {
                        long now = System.currentTimeMillis();
                        for (var r : in.readings()) {
                          n.incrementAndGet();
                          long i = lat.getAndIncrement();
                          if (i < latencies.length) {
                            latencies[(int) i] = now - r.ts().toEpochMilli();
                          }
                        }
                      }),
                  Keep.left())
              .run(kit.system());
      long deadline = System.nanoTime() + 90_000_000_000L;
      while (handle.status().readings() < items) {
        if (System.nanoTime() > deadline) {
          System.out.println("PROBE opcua items=" + items + " never delivered: " + handle.status());
          kill.shutdown();
          plant.shutdownNow();
          return;
        }
        Thread.sleep(100);
      }
      Thread.sleep(3000); // warm-up
      long n0 = n.get();
      long l0 = lat.get();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      long n1 = n.get();
      long l1 = Math.min(lat.get(), latencies.length);
      double secs = (System.nanoTime() - t0) / 1e9;
      long[] window = Arrays.copyOfRange(latencies, (int) l0, (int) l1);
      Arrays.sort(window);
      System.out.printf(
          "PROBE opcua items=%d interval=%dms: %.0f readings/s (offered %.0f/s), source->stream"
              + " p50=%d ms p99=%d ms, %d messages%n",
          items,
          intervalMs,
          (n1 - n0) / secs,
          items * 1000.0 / intervalMs,
          window.length == 0 ? -1 : window[window.length / 2],
          window.length == 0 ? -1 : window[(int) (window.length * 0.99)],
          handle.status().messages());
      kill.shutdown();
      plant.shutdownNow();
    } finally {
      kit.shutdownTestKit();
    }
  }
}
