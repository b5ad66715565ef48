package io.vitrum.streams.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.rejection.RejectionCode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.tahu.protobuf.SparkplugBProto.DataType;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload;
import org.eclipse.tahu.protobuf.SparkplugBProto.Payload.Metric;
import org.junit.jupiter.api.Test;

class SparkplugDecoderTest {
  static final long T0 = Instant.parse("2026-12-01T10:00:00Z").toEpochMilli();
  static final String CSV =
      String.join(
          "\n",
          "tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address",
          "F9.crown.T1,F9,degC,0,1800,,,mqtt,spb:plant/edge1/dev1/Temperature",
          "F9.node.U1,F9,s,0,1e9,,,mqtt,spb:plant/edge1//Uptime",
          "F9.crown.T2,F9,degC,0,1800,,,mqtt,",
          "F9.flag.On,F9,1,0,1,,,mqtt,spb:plant/edge1/dev1/Running",
          "F9.text.Mode,F9,1,0,1,,,mqtt,spb:plant/edge1/dev1/Mode");

  private final AtomicReference<TagMap> tagMap = new AtomicReference<>(TagMap.parse(CSV).toMap());
  private final SparkplugDecoder decoder =
      new SparkplugDecoder(tagMap::get, true, Duration.ofSeconds(10), 4096);
  private final Instant now = Instant.ofEpochMilli(T0 + 5_000);

  static Metric.Builder metric(String name, long alias, DataType type) {
    Metric.Builder b = Metric.newBuilder().setDatatype(type.getNumber()).setAlias(alias);
    return name == null ? b : b.setName(name);
  }

  static Payload nbirth(long bdSeq) {
    return Payload.newBuilder()
        .setTimestamp(T0)
        .setSeq(0)
        .addMetrics(
            Metric.newBuilder()
                .setName("bdSeq")
                .setDatatype(DataType.Int64_VALUE)
                .setLongValue(bdSeq))
        .addMetrics(
            Metric.newBuilder()
                .setName("Node Control/Rebirth")
                .setDatatype(DataType.Boolean_VALUE)
                .setBooleanValue(false))
        .addMetrics(metric("Uptime", 1, DataType.Int64).setLongValue(42))
        .build();
  }

  static Payload dbirth(long seq) {
    return Payload.newBuilder()
        .setTimestamp(T0)
        .setSeq(seq)
        .addMetrics(
            metric("Temperature", 10, DataType.Double)
                .setDoubleValue(1500.5)
                .setProperties(
                    Payload.PropertySet.newBuilder()
                        .addKeys("engUnit")
                        .addValues(
                            Payload.PropertyValue.newBuilder()
                                .setType(DataType.String_VALUE)
                                .setStringValue("degC"))))
        .addMetrics(metric("F9.crown.T2", 11, DataType.Float).setFloatValue(1400.25f))
        .addMetrics(metric("Pressure", 12, DataType.Int16).setIntValue(-3))
        .addMetrics(metric("Running", 13, DataType.Boolean).setBooleanValue(true))
        .addMetrics(metric("Properties/Make", 14, DataType.String).setStringValue("ACME"))
        .addMetrics(metric("Count", 15, DataType.UInt32).setIntValue(-1))
        .build();
  }

  private SparkplugDecoder.Decoded decode(String topic, Payload payload) {
    return decoder.decode(topic, payload.toByteArray(), now);
  }

  private static SourceReading reading(String tag, long millis, double value, String unit) {
    return new SourceReading(tag, Instant.ofEpochMilli(millis), value, unit, Quality.GOOD);
  }

  @Test
  void birthsDeclareAliasesAndCarryCurrentValuesMappedThroughTheTagMap() {
    SparkplugDecoder.Decoded n = decode("spBv1.0/plant/NBIRTH/edge1", nbirth(3));
    assertNull(n.rejection());
    assertEquals(List.of(reading("F9.node.U1", T0, 42, null)), n.readings());

    SparkplugDecoder.Decoded d = decode("spBv1.0/plant/DBIRTH/edge1/dev1", dbirth(1));
    assertNull(d.rejection());
    assertEquals(
        List.of(
            reading("F9.crown.T1", T0, 1500.5, "degC"),
            reading("F9.crown.T2", T0, 1400.25, null),
            reading("plant/edge1/dev1/Pressure", T0, -3, null),
            reading("F9.flag.On", T0, 1, null),
            reading("plant/edge1/dev1/Count", T0, 4294967295.0, null)),
        d.readings());
    assertEquals(1, decoder.counters().skippedNonNumeric()); // Properties/Make
    assertEquals(2, decoder.counters().births());
    assertEquals(1, decoder.counters().nodesOnline());
  }

  @Test
  void dataByAliasByNameAndWithPerMetricTimestampsAndNulls() {
    decode("spBv1.0/plant/NBIRTH/edge1", nbirth(0));
    decode("spBv1.0/plant/DBIRTH/edge1/dev1", dbirth(1));
    Payload data =
        Payload.newBuilder()
            .setTimestamp(T0 + 1000)
            .setSeq(2)
            .addMetrics(Metric.newBuilder().setAlias(10).setDoubleValue(1501))
            .addMetrics(Metric.newBuilder().setAlias(11).setTimestamp(T0 + 900).setFloatValue(7))
            .addMetrics(Metric.newBuilder().setName("Temperature").setDoubleValue(1502))
            .addMetrics(Metric.newBuilder().setAlias(13).setBooleanValue(false))
            .addMetrics(Metric.newBuilder().setAlias(10).setIsNull(true))
            .build();
    SparkplugDecoder.Decoded d = decode("spBv1.0/plant/DDATA/edge1/dev1", data);
    assertNull(d.rejection());
    List<SourceReading> r = d.readings();
    assertEquals(reading("F9.crown.T1", T0 + 1000, 1501, "degC"), r.get(0));
    assertEquals(reading("F9.crown.T2", T0 + 900, 7, null), r.get(1));
    assertEquals(reading("F9.crown.T1", T0 + 1000, 1502, "degC"), r.get(2));
    assertEquals(reading("F9.flag.On", T0 + 1000, 0, null), r.get(3));
    assertEquals("F9.crown.T1", r.get(4).tag());
    assertTrue(Double.isNaN(r.get(4).value()));
    assertEquals(Quality.BAD, r.get(4).quality());
    assertEquals(0, decoder.counters().seqGaps());
    assertNull(d.rebirth());
  }

  @Test
  void unknownAliasBeforeBirthIsMalformedAndAsksForARebirthOncePerInterval() {
    Payload data =
        Payload.newBuilder()
            .setTimestamp(T0)
            .setSeq(5)
            .addMetrics(Metric.newBuilder().setAlias(7).setDoubleValue(1))
            .build();
    SparkplugDecoder.Decoded d = decode("spBv1.0/plant/DDATA/edge2/dev1", data);
    assertEquals(RejectionCode.MALFORMED_PAYLOAD, d.rejection().code());
    assertEquals("no birth certificate for alias 7 of plant/edge2/dev1", d.rejection().reason());
    assertEquals(new SparkplugTopic("plant", SparkplugTopic.Type.NCMD, "edge2", ""), d.rebirth());
    assertEquals("spBv1.0/plant/NCMD/edge2", d.rebirth().topicOf(SparkplugTopic.Type.NCMD));
    SparkplugDecoder.Decoded again = decode("spBv1.0/plant/DDATA/edge2/dev1", data);
    assertNotNull(again.rejection());
    assertNull(again.rebirth());
    assertEquals(2, decoder.counters().unknownAliases());
    assertEquals(1, decoder.counters().rebirthRequests());
  }

  @Test
  void namedDataFromANodeNeverSeenBornStillDecodesAndAsksForARebirth() {
    Payload data =
        Payload.newBuilder()
            .setTimestamp(T0)
            .addMetrics(Metric.newBuilder().setName("F9.crown.T2").setDoubleValue(3))
            .build();
    SparkplugDecoder.Decoded d = decode("spBv1.0/plant/DDATA/edge3/dev1", data);
    assertEquals(List.of(reading("F9.crown.T2", T0, 3, null)), d.readings());
    assertNotNull(d.rebirth());
  }

  @Test
  void deathMakesLaterDataStaleUntilTheNextBirth() {
    decode("spBv1.0/plant/NBIRTH/edge1", nbirth(4));
    decode("spBv1.0/plant/DBIRTH/edge1/dev1", dbirth(1));
    Payload ddeath = Payload.newBuilder().setTimestamp(T0 + 10).setSeq(2).build();
    assertTrue(decode("spBv1.0/plant/DDEATH/edge1/dev1", ddeath).readings().isEmpty());
    Payload data =
        Payload.newBuilder()
            .setTimestamp(T0 + 20)
            .setSeq(3)
            .addMetrics(Metric.newBuilder().setAlias(10).setDoubleValue(1501))
            .build();
    SparkplugDecoder.Decoded stale = decode("spBv1.0/plant/DDATA/edge1/dev1", data);
    assertEquals(Quality.BAD, stale.readings().get(0).quality());
    assertEquals(1, decoder.counters().staleReadings());

    decode("spBv1.0/plant/DBIRTH/edge1/dev1", dbirth(4));
    SparkplugDecoder.Decoded fresh =
        decode("spBv1.0/plant/DDATA/edge1/dev1", data.toBuilder().setSeq(5).build());
    assertEquals(Quality.GOOD, fresh.readings().get(0).quality());

    Payload staleWill =
        Payload.newBuilder()
            .addMetrics(Metric.newBuilder().setName("bdSeq").setLongValue(3))
            .build();
    decode("spBv1.0/plant/NDEATH/edge1", staleWill);
    assertEquals(1, decoder.counters().staleDeathsIgnored());
    assertEquals(1, decoder.counters().nodesOnline());
    Payload will =
        Payload.newBuilder()
            .addMetrics(Metric.newBuilder().setName("bdSeq").setLongValue(4))
            .build();
    decode("spBv1.0/plant/NDEATH/edge1", will);
    assertEquals(1, decoder.counters().nodesOffline());
    assertEquals(2, decoder.counters().deaths());
    SparkplugDecoder.Decoded afterNodeDeath =
        decode("spBv1.0/plant/DDATA/edge1/dev1", data.toBuilder().setSeq(6).build());
    assertEquals(Quality.BAD, afterNodeDeath.readings().get(0).quality());
  }

  @Test
  void seqGapsAreCounted() {
    decode("spBv1.0/plant/NBIRTH/edge1", nbirth(0));
    decode("spBv1.0/plant/DBIRTH/edge1/dev1", dbirth(1));
    Payload data =
        Payload.newBuilder()
            .setTimestamp(T0)
            .setSeq(7)
            .addMetrics(Metric.newBuilder().setAlias(10).setDoubleValue(1))
            .build();
    decode("spBv1.0/plant/DDATA/edge1/dev1", data);
    decode("spBv1.0/plant/DDATA/edge1/dev1", data.toBuilder().setSeq(8).build());
    assertEquals(1, decoder.counters().seqGaps());
  }

  @Test
  void mappedStringMetricIsMalformedUnmappedIsSkipped() {
    decode("spBv1.0/plant/NBIRTH/edge1", nbirth(0));
    Payload birth =
        Payload.newBuilder()
            .setTimestamp(T0)
            .setSeq(1)
            .addMetrics(metric("Mode", 20, DataType.String).setStringValue("auto"))
            .build();
    SparkplugDecoder.Decoded d = decode("spBv1.0/plant/DBIRTH/edge1/dev1", birth);
    assertEquals(
        "metric 'Mode' of plant/edge1/dev1 (tag F9.text.Mode) is a String, not a number",
        d.rejection().reason());
  }

  @Test
  void integerWidthsFollowTheDatatype() {
    assertEquals(-1.0, SparkplugDecoder.numeric(intMetric(0xFF), DataType.Int8_VALUE));
    assertEquals(255.0, SparkplugDecoder.numeric(intMetric(-1), DataType.UInt8_VALUE));
    assertEquals(65535.0, SparkplugDecoder.numeric(intMetric(-1), DataType.UInt16_VALUE));
    assertEquals(-2.0, SparkplugDecoder.numeric(intMetric(0xFFFE), DataType.Int16_VALUE));
    assertEquals(
        1.8446744073709552e19,
        SparkplugDecoder.numeric(
            Metric.newBuilder().setLongValue(-1L).build(), DataType.UInt64_VALUE));
    assertEquals(
        4294967295.0,
        SparkplugDecoder.numeric(
            Metric.newBuilder().setLongValue(0xFFFF_FFFFL).build(), DataType.UInt32_VALUE));
    assertNull(
        SparkplugDecoder.numeric(
            Metric.newBuilder().setLongValue(T0).build(), DataType.DateTime_VALUE));
    assertNull(
        SparkplugDecoder.numeric(
            Metric.newBuilder().setStringValue("1.5").build(), DataType.String_VALUE));
  }

  private static Metric intMetric(int v) {
    return Metric.newBuilder().setIntValue(v).build();
  }

  @Test
  void aNewTagMapAppliesToTheNextMessage() {
    decode("spBv1.0/plant/NBIRTH/edge1", nbirth(0));
    tagMap.set(
        TagMap.parse(
                "tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address\n"
                    + "F9.node.Up,F9,s,0,1e9,,,mqtt,spb:plant/edge1//Uptime\n")
            .toMap());
    SparkplugDecoder.Decoded d = decode("spBv1.0/plant/NBIRTH/edge1", nbirth(1));
    assertEquals("F9.node.Up", d.readings().get(0).tag());
  }

  @Test
  void garbageTopicsAndPayloadsAreMalformed() {
    SparkplugDecoder.Decoded bytes =
        decoder.decode("spBv1.0/plant/DDATA/edge1/dev1", new byte[] {(byte) 0xFF, 0x01}, now);
    assertEquals(RejectionCode.MALFORMED_PAYLOAD, bytes.rejection().code());
    assertTrue(bytes.rejection().reason().startsWith("not a Sparkplug B payload: "));
    SparkplugDecoder.Decoded text =
        decoder.decode("spBv1.0/plant/NDATA/edge1", "{\"tag\":1}".getBytes(), now);
    assertEquals(RejectionCode.MALFORMED_PAYLOAD, text.rejection().code());
    SparkplugDecoder.Decoded topic = decoder.decode("spBv1.0/plant/DDATA/edge1", new byte[0], now);
    assertEquals(
        "topic 'spBv1.0/plant/DDATA/edge1' is not a Sparkplug B edge topic"
            + " spBv1.0/<group>/<type>/<edgeNode>[/<device>]",
        topic.rejection().reason());
    SparkplugDecoder.Decoded big = decoder.decode("spBv1.0/plant/NDATA/edge1", new byte[4097], now);
    assertEquals(RejectionCode.PAYLOAD_TOO_LARGE, big.rejection().code());
    SparkplugDecoder.Decoded command =
        decoder.decode("spBv1.0/plant/NCMD/edge1", new byte[] {(byte) 0xFF}, now);
    assertNull(command.rejection());
    assertTrue(command.readings().isEmpty());
  }
}
