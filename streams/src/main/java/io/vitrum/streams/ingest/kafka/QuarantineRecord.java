package io.vitrum.streams.ingest.kafka;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * One record of {@code vitrum.quarantine}: input that was not accepted, with why, from where and
 * when, and the original payload (UTF-8 text as is, anything else base64). JSON, keyed by source:
 *
 * <pre>{"at":"2026-12-01T10:00:00.123Z","source":"mqtt","reason":"unit-mismatch",
 * "detail":"unit 'degF' is not the tag's unit 'degC'","tag":"F2.crown.T1",
 * "ts":"2026-12-01T10:00:00Z","value":2768.9,"payloadEncoding":"utf8","payload":"{...}"}</pre>
 *
 * @param at when it was quarantined
 * @param source the source ({@code opcua}, {@code mqtt}, {@code sparkplug}, {@code kafka}, {@code
 *     modbus}, {@code frames}, {@code sensor} for readings a Sensor entity refused)
 * @param reason the rejection code's wire form
 * @param detail the precise reason
 * @param tag the reading's tag, when there is one
 * @param ts the reading's timestamp (ISO-8601), when there is one
 * @param value the reading's value, when finite
 * @param payloadEncoding {@code utf8} or {@code base64}
 * @param payload the original message
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuarantineRecord(
    String at,
    String source,
    String reason,
    String detail,
    String tag,
    String ts,
    Double value,
    String payloadEncoding,
    String payload) {
  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** A record of {@code payload} as received. */
  public static QuarantineRecord of(
      Instant at,
      String source,
      String reason,
      String detail,
      String tag,
      Instant ts,
      double value,
      byte[] payload) {
    String text = utf8(payload);
    return new QuarantineRecord(
        at.toString(),
        source,
        reason,
        detail,
        tag,
        ts == null ? null : ts.toString(),
        Double.isFinite(value) ? value : null,
        text == null ? "base64" : "utf8",
        text == null ? Base64.getEncoder().encodeToString(payload) : text);
  }

  /** The original payload bytes. */
  public byte[] payloadBytes() {
    return "base64".equals(payloadEncoding)
        ? Base64.getDecoder().decode(payload)
        : payload.getBytes(StandardCharsets.UTF_8);
  }

  public byte[] encode() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a record's value.
   *
   * @throws IllegalArgumentException when it is not a quarantine record
   */
  public static QuarantineRecord decode(byte[] value) {
    try {
      return JSON.readValue(value, QuarantineRecord.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("not a quarantine record: " + e.getMessage(), e);
    }
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
