package io.vitrum.streams.ingest.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.vitrum.core.ingest.Quality;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.Inbound;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Decodes the JSON readings payload of MQTT {@code vitrum/<furnace>/readings} and Kafka {@code
 * vitrum.readings.in}: one object or an array of objects {@code
 * {"tag":"F2.crown.T1","ts":"2026-12-01T10:00:00Z","value":1520.5,"unit":"degC"}} ({@code unit}
 * optional or null; {@code ts} an ISO-8601 instant; other fields are ignored).
 *
 * <p>It only decodes: whether a tag is known, a unit right or a value plausible is validation's
 * business. So the non-standard tokens {@code NaN}, {@code Infinity} and {@code -Infinity} are
 * accepted as values (validation quarantines them as not finite), while a number in quotes is a
 * wrong type. Duplicate keys, a missing or wrongly typed field, a bad timestamp and trailing
 * content make the whole payload malformed, with a reason that names the JSON path ({@code
 * $[3].ts}). A payload over the byte limit, or an array over the reading limit, is {@link
 * RejectionCode#PAYLOAD_TOO_LARGE}.
 *
 * <p>Streaming parser, no tree: on the ingest hot path. Thread-safe and stateless apart from its
 * limits.
 */
public final class ReadingsJson {
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .build();

  private static final Pattern SOURCE_REF = Pattern.compile("\\[Source: [^;]*; ");

  private static final int TAG = 1;
  private static final int TS = 2;
  private static final int VALUE = 4;

  private final int maxPayloadBytes;
  private final int maxReadings;

  /**
   * @param maxPayloadBytes payloads longer than this are {@link RejectionCode#PAYLOAD_TOO_LARGE}
   * @param maxReadings arrays with more elements than this are {@link
   *     RejectionCode#PAYLOAD_TOO_LARGE}
   */
  public ReadingsJson(int maxPayloadBytes, int maxReadings) {
    if (maxPayloadBytes <= 0 || maxReadings <= 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
    this.maxPayloadBytes = maxPayloadBytes;
    this.maxReadings = maxReadings;
  }

  /** Decodes {@code payload} into its readings, or the reason it cannot. */
  public Decoded decode(byte[] payload) {
    if (payload.length > maxPayloadBytes) {
      return Decoded.rejected(
          RejectionCode.PAYLOAD_TOO_LARGE,
          "payload of "
              + payload.length
              + " bytes is over the limit of "
              + maxPayloadBytes
              + " bytes");
    }
    Cursor cursor = new Cursor();
    try (JsonParser p = FACTORY.createParser(payload)) {
      JsonToken first = p.nextToken();
      List<SourceReading> readings;
      if (first == null) {
        return Decoded.malformed("not JSON: the payload is empty");
      } else if (first == JsonToken.START_OBJECT) {
        cursor.path = "$";
        readings = List.of(reading(p, cursor));
      } else if (first == JsonToken.START_ARRAY) {
        readings = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          if (readings.size() == maxReadings) {
            return Decoded.rejected(
                RejectionCode.PAYLOAD_TOO_LARGE,
                "more than " + maxReadings + " readings in one payload");
          }
          cursor.path = "$[" + readings.size() + "]";
          if (t != JsonToken.START_OBJECT) {
            throw new Malformed(cursor.path + ": expected an object, found " + describe(t));
          }
          readings.add(reading(p, cursor));
        }
        if (readings.isEmpty()) {
          return Decoded.malformed("$: the array is empty");
        }
      } else {
        return Decoded.malformed(
            "$: expected an object or an array of objects, found " + describe(first));
      }
      cursor.path = "$";
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        return Decoded.malformed(
            "not JSON: content after the end of the value, at "
                + where(p.currentTokenLocation())
                + " ("
                + describe(trailing)
                + ")");
      }
      return new Decoded(readings, null);
    } catch (Malformed e) {
      return Decoded.malformed(e.getMessage());
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      if (message.startsWith("Duplicate field")) {
        // Jackson: "Duplicate field 'tag'"
        return Decoded.malformed(
            cursor.path + ": duplicate key " + message.substring("Duplicate field ".length()));
      }
      String at = cursor.path == null ? "" : " in " + cursor.path;
      return Decoded.malformed(
          "not JSON" + at + " at " + where(e.getLocation()) + ": " + firstLine(message));
    } catch (IOException e) {
      return Decoded.malformed("not JSON: " + e.getMessage());
    }
  }

  /** Reads one reading object; the parser stands on its START_OBJECT. */
  private static SourceReading reading(JsonParser p, Cursor cursor) throws IOException {
    String tag = null;
    Instant ts = null;
    double value = Double.NaN;
    String unit = null;
    int seen = 0;
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      JsonToken t = p.nextToken();
      switch (name) {
        case "tag" -> {
          if (t != JsonToken.VALUE_STRING) {
            throw wrongType(cursor, name, "a string", t);
          }
          tag = p.getText();
          seen |= TAG;
        }
        case "ts" -> {
          if (t != JsonToken.VALUE_STRING) {
            throw wrongType(cursor, name, "an ISO-8601 instant string", t);
          }
          ts = cursor.instant(p.getText());
          seen |= TS;
        }
        case "value" -> {
          if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) {
            throw wrongType(cursor, name, "a number", t);
          }
          value = p.getDoubleValue();
          seen |= VALUE;
        }
        case "unit" -> {
          if (t == JsonToken.VALUE_STRING) {
            unit = p.getText();
          } else if (t != JsonToken.VALUE_NULL) {
            throw wrongType(cursor, name, "a string or null", t);
          }
        }
        default -> p.skipChildren();
      }
    }
    if (seen != (TAG | TS | VALUE)) {
      List<String> missing = new ArrayList<>(3);
      if ((seen & TAG) == 0) {
        missing.add("'tag'");
      }
      if ((seen & TS) == 0) {
        missing.add("'ts'");
      }
      if ((seen & VALUE) == 0) {
        missing.add("'value'");
      }
      throw new Malformed(
          cursor.path
              + ": missing "
              + (missing.size() == 1 ? "field " : "fields ")
              + String.join(", ", missing));
    }
    return new SourceReading(tag, ts, value, unit, Quality.GOOD);
  }

  private static Malformed wrongType(Cursor cursor, String field, String expected, JsonToken t) {
    return new Malformed(
        cursor.path + "." + field + ": expected " + expected + ", found " + describe(t));
  }

  private static String describe(JsonToken t) {
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }

  private static String where(JsonLocation location) {
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /** Jackson's message without its second line and without the redacted source reference. */
  private static String firstLine(String message) {
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return SOURCE_REF.matcher(line).replaceAll("[");
  }

  /** Where the parse is, for reasons, plus a one-entry timestamp cache. */
  private static final class Cursor {
    private String path;
    private String lastTsText;
    private Instant lastTs;

    /** Arrays from one scan usually share a timestamp: parse each distinct text once. */
    Instant instant(String text) {
      if (text.equals(lastTsText)) {
        return lastTs;
      }
      try {
        Instant parsed = IsoInstants.parse(text);
        lastTsText = text;
        lastTs = parsed;
        return parsed;
      } catch (DateTimeParseException e) {
        throw new Malformed(path + ".ts: '" + clip(text) + "' is not an ISO-8601 instant");
      }
    }
  }

  private static String clip(String text) {
    return text.length() <= 64 ? text : text.substring(0, 64) + "...";
  }

  /** A shape error found while parsing; becomes the reason. */
  private static final class Malformed extends RuntimeException {
    Malformed(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * What a payload decoded to.
   *
   * @param readings the readings, empty when {@code rejection} is set
   * @param rejection why the payload was refused ({@link RejectionCode#MALFORMED_PAYLOAD} or {@link
   *     RejectionCode#PAYLOAD_TOO_LARGE}), or {@code null}
   */
  public record Decoded(List<SourceReading> readings, Rejection rejection) {
    public Decoded {
      readings = List.copyOf(readings);
    }

    static Decoded malformed(String reason) {
      return rejected(RejectionCode.MALFORMED_PAYLOAD, reason);
    }

    static Decoded rejected(RejectionCode code, String reason) {
      return new Decoded(List.of(), Rejection.of(code, reason));
    }

    /** Whether the payload was refused. */
    public boolean isRejected() {
      return rejection != null;
    }

    /** The message for the ingest pipeline. */
    public <A> Inbound<A> toInbound(String source, byte[] payload, A ack) {
      return rejection == null
          ? Inbound.of(source, payload, readings, ack)
          : Inbound.malformed(source, payload, rejection, ack);
    }
  }
}
