package io.vitrum.streams.inference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.SetpointWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.pekko.Done;
import org.junit.jupiter.api.Test;

/**
 * How the reject output treats a line that does not answer: writes held by a writer that never
 * acknowledges fill the in-flight bound and later rejects are counted busy, never queued; each held
 * write fails at its timeout and frees its place. (Against the plant's real OPC UA and Modbus
 * servers: RejectOutputPlantTest in load-tests.)
 */
class RejectOutputTest {
  private static final String MAP =
      String.join(",", TagMap.COLUMNS)
          + "\nF1.reject.L1,F1,item,0,2147483647,,,opcua,ns=2;s=F1.reject.L1\n"
          + "F3.reject.L1,F3,item,0,2147483647,,,modbus,unit=1;holding=14;type=int32\n";

  /** Accepts every write and never acknowledges one. */
  private static final class SilentLine implements SetpointWriter {
    final List<Double> written = new CopyOnWriteArrayList<>();

    @Override
    public SourceKind protocol() {
      return SourceKind.OPCUA;
    }

    @Override
    public CompletionStage<Done> write(TagMapRow target, double value) {
      written.add(value);
      return new CompletableFuture<>();
    }
  }

  private static InspectionDecision reject(String furnace, long item) {
    Instant now = Instant.now();
    return new InspectionDecision(
        furnace, "L1", item, now, now, "stone", 0.8, 0.8, true, "vision/1", null);
  }

  private static double count(SimpleMeterRegistry registry, String outcome) {
    Counter c = registry.find("vitrum.inspection.reject.writes").tag("outcome", outcome).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void aSilentLineFillsTheInFlightBoundThenWritesFailAtTheirTimeout() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SilentLine line = new SilentLine();
    TagMap map = TagMap.parse(MAP).toMap();
    RejectOutput output =
        new RejectOutput(
            () -> map,
            Map.of(SourceKind.OPCUA, line),
            new RejectOutputSettings(Duration.ofMillis(300), 4),
            registry);
    for (long item = 1; item <= 10; item++) {
      output.accept(reject("F1", item));
    }
    assertEquals(List.of(1.0, 2.0, 3.0, 4.0), line.written, "four in flight at most");
    assertEquals(6, count(registry, "busy"), 0);
    assertEquals(4, output.inFlight());

    output.accept(reject("F3", 7)); // Modbus: no writer given
    assertEquals(1, count(registry, "no-writer"), 0);
    output.accept(reject("F2", 8)); // no reject output named for F2's line
    Instant now = Instant.now();
    output.accept(
        new InspectionDecision(
            "F1", "L1", 9, now, now, "none", 0.99, 0.01, false, "vision/1", null));
    assertEquals(4, line.written.size(), "a kept item and a line without output write nothing");

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (output.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, output.inFlight());
    assertEquals(4, count(registry, "failed"), 0);
    output.accept(reject("F1", 11));
    assertEquals(11.0, line.written.get(4), "places freed by the timeouts are used again");
  }

  @Test
  void theShippedSettingsParseToTheDocumentedBounds() {
    RejectOutputSettings settings = RejectOutputSettings.create(ConfigFactory.load());
    assertEquals(Duration.ofSeconds(2), settings.timeout());
    assertEquals(256, settings.maxInFlight());
  }
}
