package io.vitrum.streams.ingest.opcua;

import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.Inbound;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * Turns the data changes of one publish response into {@link Inbound}s: one with every reading it
 * could decode (payload: one line {@code <nodeId>=<value>@<ts> status=<name>} per change), and one
 * malformed {@link Inbound} per change it could not.
 *
 * <p>Decoding: the timestamp is the source timestamp, else the server timestamp, else {@code now};
 * the value is any numeric type as a double; the quality follows the status code's severity. A Bad
 * or Uncertain change without a usable value becomes a reading with value NaN and that quality
 * (what counts is the status: validation quarantines it as bad quality). A Good change whose value
 * is missing or not a number is malformed.
 */
final class OpcUaReadings {
  /** The source name in Inbounds, metrics and quarantine records. */
  static final String SOURCE = "opcua";

  private OpcUaReadings() {}

  /** One monitored variable: the tag it maps to and its node id as the tag map wrote it. */
  record Item(String tag, String nodeId) {}

  /** The Inbounds for {@code values[i]} of {@code items[i]}, decoded readings first. */
  static List<Inbound<NotUsed>> inbounds(List<Item> items, List<DataValue> values, Instant now) {
    List<SourceReading> readings = new ArrayList<>(items.size());
    StringBuilder payload = new StringBuilder(items.size() * 64);
    List<Inbound<NotUsed>> out = new ArrayList<>(1);
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      DataValue value = values.get(i);
      String line = render(item.nodeId(), value);
      String problem = problem(value);
      if (problem == null) {
        readings.add(reading(item.tag(), value, now));
        if (payload.length() > 0) {
          payload.append('\n');
        }
        payload.append(line);
      } else {
        out.add(
            Inbound.malformed(
                SOURCE,
                line.getBytes(StandardCharsets.UTF_8),
                Rejection.of(
                    RejectionCode.MALFORMED_PAYLOAD,
                    item.nodeId() + " (" + item.tag() + "): " + problem),
                NotUsed.getInstance()));
      }
    }
    if (!readings.isEmpty()) {
      out.add(
          0,
          Inbound.of(
              SOURCE,
              payload.toString().getBytes(StandardCharsets.UTF_8),
              readings,
              NotUsed.getInstance()));
    }
    return out;
  }

  /** The reading of a change that {@link #problem} accepts. */
  static SourceReading reading(String tag, DataValue value, Instant now) {
    Quality quality = quality(value.statusCode());
    Object v = value.value() == null ? null : value.value().value();
    double number = v instanceof Number n ? n.doubleValue() : Double.NaN;
    return new SourceReading(tag, timestamp(value, now), number, null, quality);
  }

  /** Why a change cannot be decoded, or {@code null} when it can. */
  static String problem(DataValue value) {
    Variant variant = value.value();
    Object v = variant == null ? null : variant.value();
    StatusCode status = value.statusCode() == null ? StatusCode.GOOD : value.statusCode();
    if (v instanceof Number || status.isBad()) {
      return null;
    }
    if (v == null) {
      return status.isUncertain() ? null : "status " + OpcUaStatus.name(status) + " but no value";
    }
    return "value " + shortText(v) + " of type " + typeName(v) + " is not a number";
  }

  /** The quality a status code means. */
  static Quality quality(StatusCode status) {
    if (status == null || status.isGood()) {
      return Quality.GOOD;
    }
    return status.isUncertain() ? Quality.UNCERTAIN : Quality.BAD;
  }

  /** Source timestamp, else server timestamp, else {@code now}. */
  static Instant timestamp(DataValue value, Instant now) {
    DateTime source = value.sourceTime();
    if (source != null && source.isValid() && !source.isNull()) {
      return source.getJavaInstant();
    }
    DateTime server = value.serverTime();
    if (server != null && server.isValid() && !server.isNull()) {
      return server.getJavaInstant();
    }
    return now;
  }

  /** {@code <nodeId>=<value>@<source ts> status=<name>}. */
  static String render(String nodeId, DataValue value) {
    Object v = value.value() == null ? null : value.value().value();
    DateTime ts = value.sourceTime() != null ? value.sourceTime() : value.serverTime();
    StatusCode status = value.statusCode() == null ? StatusCode.GOOD : value.statusCode();
    return nodeId
        + "="
        + (v == null ? "null" : shortText(v))
        + "@"
        + (ts == null || ts.isNull() ? "-" : ts.getJavaInstant().toString())
        + " status="
        + OpcUaStatus.name(status);
  }

  private static String typeName(Object v) {
    return v.getClass().isArray()
        ? v.getClass().getComponentType().getSimpleName() + "[]"
        : v.getClass().getSimpleName();
  }

  private static String shortText(Object v) {
    String text = v.getClass().isArray() ? "[" + typeName(v) + "]" : String.valueOf(v);
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
