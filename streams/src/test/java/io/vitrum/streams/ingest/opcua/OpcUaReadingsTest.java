package io.vitrum.streams.ingest.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.ushort;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.ingest.Quality;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.opcua.OpcUaReadings.Item;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.junit.jupiter.api.Test;

/** Decoding of data changes, without a server. */
class OpcUaReadingsTest {
  private static final Instant SOURCE = Instant.parse("2026-12-01T10:00:00Z");
  private static final Instant SERVER = Instant.parse("2026-12-01T10:00:01Z");
  private static final Instant NOW = Instant.parse("2026-12-01T10:00:02Z");

  private static DataValue value(Object v, StatusCode status, Instant source, Instant server) {
    return new DataValue(
        v == null ? Variant.NULL_VALUE : new Variant(v),
        status,
        source == null ? null : new DateTime(source),
        server == null ? null : new DateTime(server));
  }

  @Test
  void timestampsFallBackFromSourceToServerToNow() {
    assertEquals(SOURCE, OpcUaReadings.timestamp(value(1.0, StatusCode.GOOD, SOURCE, SERVER), NOW));
    assertEquals(SERVER, OpcUaReadings.timestamp(value(1.0, StatusCode.GOOD, null, SERVER), NOW));
    assertEquals(NOW, OpcUaReadings.timestamp(value(1.0, StatusCode.GOOD, null, null), NOW));
    DataValue unset =
        new DataValue(new Variant(1.0), StatusCode.GOOD, DateTime.NULL_VALUE, new DateTime(SERVER));
    assertEquals(SERVER, OpcUaReadings.timestamp(unset, NOW), "a null source time counts as none");
  }

  @Test
  void anyNumericTypeIsADouble() {
    assertEquals(
        2.5, OpcUaReadings.reading("t", value(2.5f, StatusCode.GOOD, SOURCE, null), NOW).value());
    assertEquals(
        42, OpcUaReadings.reading("t", value(42, StatusCode.GOOD, SOURCE, null), NOW).value());
    assertEquals(
        65000,
        OpcUaReadings.reading("t", value(ushort(65000), StatusCode.GOOD, SOURCE, null), NOW)
            .value());
    assertNull(OpcUaReadings.problem(value((short) -3, StatusCode.GOOD, SOURCE, null)));
  }

  @Test
  void qualityFollowsTheSeverity() {
    assertEquals(Quality.GOOD, OpcUaReadings.quality(StatusCode.GOOD));
    assertEquals(
        Quality.UNCERTAIN,
        OpcUaReadings.quality(new StatusCode(StatusCodes.Uncertain_SensorNotAccurate)));
    assertEquals(Quality.BAD, OpcUaReadings.quality(new StatusCode(StatusCodes.Bad_SensorFailure)));
  }

  @Test
  void whatCannotBeDecodedIsMalformedAndTheRestStaysTogether() {
    List<Item> items =
        List.of(
            new Item("F1.a.A", "ns=2;s=F1.a.A"),
            new Item("F1.a.B", "ns=2;s=F1.a.B"),
            new Item("F1.a.C", "ns=2;s=F1.a.C"),
            new Item("F1.a.D", "ns=2;s=F1.a.D"));
    List<DataValue> values =
        List.of(
            value(1.5, StatusCode.GOOD, SOURCE, SERVER),
            value(true, StatusCode.GOOD, SOURCE, SERVER),
            value(null, StatusCode.GOOD, SOURCE, SERVER),
            value("junk", new StatusCode(StatusCodes.Bad_SensorFailure), SOURCE, SERVER));
    List<Inbound<NotUsed>> out = OpcUaReadings.inbounds(items, values, NOW);
    assertEquals(3, out.size());
    Inbound<NotUsed> good = out.get(0);
    assertEquals(List.of("F1.a.A", "F1.a.D"), good.readings().stream().map(r -> r.tag()).toList());
    assertTrue(Double.isNaN(good.readings().get(1).value()), "a Bad value that is no number");
    assertEquals(Quality.BAD, good.readings().get(1).quality());
    assertEquals(
        "ns=2;s=F1.a.A=1.5@2026-12-01T10:00:00Z status=Good\n"
            + "ns=2;s=F1.a.D=junk@2026-12-01T10:00:00Z status=Bad_SensorFailure",
        new String(good.payload(), java.nio.charset.StandardCharsets.UTF_8));
    assertTrue(out.get(1).malformed().reason().contains("Boolean is not a number"));
    assertTrue(out.get(2).malformed().reason().contains("no value"));
  }
}
