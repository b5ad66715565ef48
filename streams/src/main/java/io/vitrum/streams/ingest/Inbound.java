package io.vitrum.streams.ingest;

import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.rejection.Rejection;
import java.util.List;
import java.util.Objects;

/**
 * One message from a source, decoded: its readings, or why it could not be decoded. The original
 * bytes travel along so that whatever is quarantined keeps them.
 *
 * @param source the source's name in metrics and quarantine records, e.g. {@code opcua}, {@code
 *     mqtt}, {@code sparkplug}, {@code kafka}, {@code modbus}
 * @param payload the message as received (for OPC UA and Modbus: a short textual rendering)
 * @param readings what it decoded to; empty when {@code malformed} is set
 * @param malformed why the payload could not be decoded, or {@code null}
 * @param ack what the source needs back once everything this message produced is durable
 * @param <A> the source's acknowledgement token
 */
public record Inbound<A>(
    String source, byte[] payload, List<SourceReading> readings, Rejection malformed, A ack) {
  public Inbound {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(payload, "payload");
    readings = List.copyOf(readings);
  }

  /** A decoded message. */
  public static <A> Inbound<A> of(
      String source, byte[] payload, List<SourceReading> readings, A ack) {
    return new Inbound<>(source, payload, readings, null, ack);
  }

  /** A message that could not be decoded. */
  public static <A> Inbound<A> malformed(String source, byte[] payload, Rejection why, A ack) {
    return new Inbound<>(source, payload, List.of(), Objects.requireNonNull(why, "why"), ack);
  }
}
