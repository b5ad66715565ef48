package io.vitrum.streams.ingest.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One record of {@code vitrum.readings}: accepted readings of one tag, in time order. Keyed by the
 * tag, so one partition holds a tag's whole history in order. The value is compact JSON:
 *
 * <pre>{"tag":"F1.crown.T1","src":"opcua","r":[[1764583200000,1520.5],[1764583201000,1520.7]]}
 * </pre>
 *
 * where each pair is (epoch milliseconds, value in the tag's unit). Readers must ignore fields they
 * do not know.
 *
 * @param tag the tag
 * @param source the source the readings came from
 * @param samples timestamps and values, in time order
 */
public record ReadingsRecord(String tag, String source, List<Sample> samples) {
  private static final JsonFactory JSON = new JsonFactory();

  /** One reading: epoch milliseconds and value. */
  public record Sample(long epochMillis, double value) {
    public Instant ts() {
      return Instant.ofEpochMilli(epochMillis);
    }
  }

  public ReadingsRecord {
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(source, "source");
    samples = List.copyOf(samples);
  }

  /** The record's value bytes. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(48 + samples.size() * 28);
    try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
      g.writeStartObject();
      g.writeStringField("tag", tag);
      g.writeStringField("src", source);
      g.writeArrayFieldStart("r");
      for (Sample s : samples) {
        g.writeStartArray();
        g.writeNumber(s.epochMillis());
        g.writeNumber(s.value());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Reads a record's value.
   *
   * @throws IllegalArgumentException when it is not a readings record
   */
  public static ReadingsRecord decode(byte[] value) {
    String tag = null;
    String source = "";
    List<Sample> samples = new ArrayList<>();
    try (JsonParser p = JSON.createParser(value)) {
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "tag" -> tag = p.getValueAsString();
          case "src" -> source = p.getValueAsString();
          case "r" -> {
            expect(t, JsonToken.START_ARRAY);
            while (p.nextToken() == JsonToken.START_ARRAY) {
              expect(p.nextToken(), JsonToken.VALUE_NUMBER_INT);
              long ms = p.getLongValue();
              p.nextToken();
              double v = p.getDoubleValue();
              expect(p.nextToken(), JsonToken.END_ARRAY);
              samples.add(new Sample(ms, v));
            }
          }
          default -> p.skipChildren();
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not a readings record: " + e.getMessage(), e);
    }
    if (tag == null) {
      throw new IllegalArgumentException("not a readings record: no tag");
    }
    return new ReadingsRecord(tag, source, samples);
  }

  private static void expect(JsonToken actual, JsonToken expected) throws IOException {
    if (actual != expected) {
      throw new IOException("expected " + expected + " but found " + actual);
    }
  }
}
