package io.vitrum.streams.ingest.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.Inbound;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadingsJsonTest {
  private static final Instant TS = Instant.parse("2026-12-01T10:00:00Z");
  private final ReadingsJson json = new ReadingsJson(4096, 3);

  private ReadingsJson.Decoded decode(String text) {
    return json.decode(text.getBytes(StandardCharsets.UTF_8));
  }

  private void assertMalformed(String text, String reason) {
    ReadingsJson.Decoded d = decode(text);
    assertEquals(Rejection.of(RejectionCode.MALFORMED_PAYLOAD, reason), d.rejection(), text);
    assertTrue(d.readings().isEmpty());
  }

  @Test
  void oneObject() {
    ReadingsJson.Decoded d =
        decode(
            "{\"tag\":\"F2.crown.T1\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1520.5,"
                + "\"unit\":\"degC\"}");
    assertFalse(d.isRejected());
    assertEquals(
        List.of(new SourceReading("F2.crown.T1", TS, 1520.5, "degC", Quality.GOOD)), d.readings());
  }

  @Test
  void arrayWithOptionalUnitNullUnitIntegerValueAndExtraFields() {
    ReadingsJson.Decoded d =
        decode(
            "[{\"tag\":\"F2.crown.T1\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1520},"
                + " {\"value\":-3.5e2,\"unit\":null,\"ts\":\"2026-12-01T10:00:00.250Z\","
                + "\"tag\":\"F2.crown.T2\",\"site\":{\"a\":[1,2]}}]");
    assertNull(d.rejection());
    assertEquals(
        List.of(
            SourceReading.good("F2.crown.T1", TS, 1520),
            SourceReading.good("F2.crown.T2", TS.plusMillis(250), -350)),
        d.readings());
  }

  @Test
  void offsetTimestampsAreInstants() {
    ReadingsJson.Decoded d =
        decode("{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T11:00:00+01:00\",\"value\":1}");
    assertEquals(TS, d.readings().get(0).ts());
  }

  @Test
  void nonNumericTokensAreValuesForValidationToJudge() {
    ReadingsJson.Decoded d =
        decode(
            "[{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":NaN},"
                + "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:01Z\",\"value\":Infinity},"
                + "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:02Z\",\"value\":-Infinity}]");
    assertNull(d.rejection());
    assertTrue(Double.isNaN(d.readings().get(0).value()));
    assertEquals(Double.POSITIVE_INFINITY, d.readings().get(1).value());
    assertEquals(Double.NEGATIVE_INFINITY, d.readings().get(2).value());
  }

  @Test
  void notJson() {
    assertMalformed(
        "hello",
        "not JSON at line 1, column 1: Unrecognized token 'hello': was expecting (JSON String,"
            + " Number (or 'NaN'/'+INF'/'-INF'), Array, Object or token 'null', 'true' or"
            + " 'false')");
    assertMalformed("", "not JSON: the payload is empty");
    assertMalformed(
        "[{\"tag\":\"F2.a.b\"",
        "not JSON in $[0] at line 1, column 17: Unexpected end-of-input: expected close marker"
            + " for Object (start marker at [line: 1, column: 2])");
  }

  @Test
  void wrongShape() {
    assertMalformed("42", "$: expected an object or an array of objects, found a number");
    assertMalformed("[]", "$: the array is empty");
    assertMalformed(
        "[{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1}, 7]",
        "$[1]: expected an object, found a number");
    assertMalformed(
        "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1} {}",
        "not JSON: content after the end of the value, at line 1, column 56 (an object)");
  }

  @Test
  void missingFields() {
    assertMalformed(
        "[{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1},"
            + "{\"tag\":\"F2.a.b\",\"unit\":\"degC\"}]",
        "$[1]: missing fields 'ts', 'value'");
    assertMalformed("{\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1}", "$: missing field 'tag'");
  }

  @Test
  void wrongTypes() {
    assertMalformed(
        "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":\"1520.5\"}",
        "$.value: expected a number, found a string");
    assertMalformed(
        "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":\"NaN\"}",
        "$.value: expected a number, found a string");
    assertMalformed(
        "{\"tag\":7,\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1}",
        "$.tag: expected a string, found a number");
    assertMalformed(
        "{\"tag\":\"F2.a.b\",\"ts\":1764583200000,\"value\":1}",
        "$.ts: expected an ISO-8601 instant string, found a number");
    assertMalformed(
        "[{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":null}]",
        "$[0].value: expected a number, found null");
    assertMalformed(
        "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1,\"unit\":[]}",
        "$.unit: expected a string or null, found an array");
  }

  @Test
  void badTimestamp() {
    assertMalformed(
        "[{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1},"
            + "{\"tag\":\"F2.a.b\",\"ts\":\"2026-13-01T10:00:00Z\",\"value\":1}]",
        "$[1].ts: '2026-13-01T10:00:00Z' is not an ISO-8601 instant");
    assertMalformed(
        "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01 10:00\",\"value\":1}",
        "$.ts: '2026-12-01 10:00' is not an ISO-8601 instant");
  }

  @Test
  void duplicateKey() {
    assertMalformed(
        "[{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1,\"tag\":\"F2.a.c\"}]",
        "$[0]: duplicate key 'tag'");
  }

  @Test
  void oversize() {
    ReadingsJson.Decoded big = json.decode(new byte[4097]);
    assertEquals(
        Rejection.of(
            RejectionCode.PAYLOAD_TOO_LARGE,
            "payload of 4097 bytes is over the limit of 4096 bytes"),
        big.rejection());
    String one = "{\"tag\":\"F2.a.b\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1}";
    ReadingsJson.Decoded many = decode("[" + String.join(",", one, one, one, one) + "]");
    assertEquals(
        Rejection.of(RejectionCode.PAYLOAD_TOO_LARGE, "more than 3 readings in one payload"),
        many.rejection());
  }

  @Test
  void toInboundCarriesPayloadAndAck() {
    byte[] payload = "[1]".getBytes(StandardCharsets.UTF_8);
    Inbound<String> in = json.decode(payload).toInbound("kafka", payload, "ack");
    assertEquals("kafka", in.source());
    assertEquals("ack", in.ack());
    assertEquals(RejectionCode.MALFORMED_PAYLOAD, in.malformed().code());
  }
}
