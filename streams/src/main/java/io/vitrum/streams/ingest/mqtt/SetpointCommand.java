package io.vitrum.streams.ingest.mqtt;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * The MQTT setpoint command on {@code vitrum/<furnace>/setpoints}: {@code
 * {"furnace":"F2","parameter":"crownTemperature","value":1580.0,"ts":"2026-12-01T10:00:00Z"}}.
 *
 * @param furnace the furnace id
 * @param parameter the setpoint parameter's key
 * @param value the new setpoint, finite
 * @param ts when the engine issued it
 */
public record SetpointCommand(String furnace, String parameter, double value, Instant ts) {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

  public SetpointCommand {
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(ts, "ts");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a setpoint must be finite, not " + value);
    }
  }

  /** The command as JSON (UTF-8). */
  public byte[] toJson() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("furnace", furnace);
      g.writeStringField("parameter", parameter);
      g.writeNumberField("value", value);
      g.writeStringField("ts", ts.toString());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * Parses a command (what the plant side does).
   *
   * @throws IllegalArgumentException when it is not a well-formed command
   */
  public static SetpointCommand fromJson(byte[] json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null
          || !node.path("furnace").isTextual()
          || !node.path("parameter").isTextual()
          || !node.path("value").isNumber()
          || !node.path("ts").isTextual()) {
        throw new IllegalArgumentException(
            "a setpoint command has string furnace, parameter and ts and a number value");
      }
      return new SetpointCommand(
          node.get("furnace").asText(),
          node.get("parameter").asText(),
          node.get("value").asDouble(),
          Instant.parse(node.get("ts").asText()));
    } catch (IOException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException("not a setpoint command: " + e.getMessage(), e);
    }
  }
}
