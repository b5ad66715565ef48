package io.vitrum.streams.ingest.modbus;

import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.sim.PlantWiring;
import io.vitrum.streams.ingest.IngestStatus;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.junit.jupiter.api.Test;

/**
 * Not a test (no assertions, not run by default): Modbus polls per second one connection does on
 * this box against the in-process server, polling as fast as responses come back. Run with {@code
 * -Dtest=ModbusThroughputProbe -Dprobe.furnaces=9 -Dprobe.in-flight=1 -Dprobe.seconds=10}.
 */
class ModbusThroughputProbe {

  @Test
  void measure() throws Exception {
    int furnaces = Integer.getInteger("probe.furnaces", 9);
    int inFlight = Integer.getInteger("probe.in-flight", 1);
    int seconds = Integer.getInteger("probe.seconds", 10);
    List<TagMapRow> rows =
        PlantWiring.rows(furnaces).stream()
            .filter(r -> r.source() == SourceKind.MODBUS && !r.isWritten())
            .toList();
    int units = (furnaces + 2) / 3;
    int[] ids = new int[units];
    for (int i = 0; i < units; i++) {
      ids[i] = i + 1;
    }
    ActorTestKit kit = ActorTestKit.create();
    try (TestModbusServer server = new TestModbusServer(ids).start()) {
      ModbusSource source =
          new ModbusSource(
              ModbusTestSettings.of(
                  server.port(), "poll-interval = 1ms\n max-in-flight = " + inFlight),
              rows,
              new IngestStatus(Clock.systemUTC()).handle("modbus"));
      AtomicLong readings = new AtomicLong();
      UniqueKillSwitch kill =
          source
              .inbound()
              .viaMat(KillSwitches.single(), Keep.right())
              .toMat(Sink.foreach(in -> readings.addAndGet(in.readings().size())), Keep.left())
              .run(kit.system());
      while (source.polls() < 50) {
        Thread.sleep(50);
      }
      Thread.sleep(2000);
      long p0 = source.polls();
      long r0 = readings.get();
      long q0 = server.reads();
      long t0 = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "PROBE modbus furnaces=%d tags=%d requests/poll=%d in-flight=%d: %.0f polls/s, %.0f"
              + " requests/s, %.0f readings/s%n",
          furnaces,
          rows.size(),
          source.requestsPerPoll(),
          inFlight,
          (source.polls() - p0) / secs,
          (server.reads() - q0) / secs,
          (readings.get() - r0) / secs);
      kill.shutdown();

      var client = ModbusClients.create(ModbusTestSettings.of(server.port()), false);
      client.connect();
      var request = new com.digitalpetri.modbus.pdu.ReadInputRegistersRequest(0, 86);
      for (int i = 0; i < 200; i++) {
        client.readInputRegisters(1, request);
      }
      int n = 2000;
      long t1 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        client.readInputRegisters(1, request);
      }
      double ms = (System.nanoTime() - t1) / 1e6 / n;
      System.out.printf(
          "PROBE modbus raw synchronous read of 86 registers: %.2f ms per request, %.0f/s%n",
          ms, 1000 / ms);
      client.disconnect();
    } finally {
      kit.shutdownTestKit();
    }
  }
}
