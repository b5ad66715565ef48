package io.vitrum.loadtests.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vitrum.core.plant.SetpointParameter;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * An MQTT setpoint command, {@code
 * {"furnace":"F2","parameter":"crownTemperature","value":1580.0,"ts":"<ISO instant>"}} on {@code
 * vitrum/<furnace>/setpoints}.
 *
 * @param furnace the furnace, the same as the topic's
 * @param parameter the setpoint
 * @param value the value asked for (bounds are the inbox's business)
 * @param ts when it was issued, or null when the command does not say
 */
public record SetpointCommand(
    String furnace, SetpointParameter parameter, double value, Instant ts) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Decodes a command received on the topic of {@code topicFurnace}.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static SetpointCommand parse(String topicFurnace, byte[] payload) {
    JsonNode root;
    try {
      root = JSON.readTree(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    String furnace = text(root, "furnace");
    if (!furnace.equals(topicFurnace)) {
      throw new IllegalArgumentException(
          "furnace " + furnace + " sent on the topic of " + topicFurnace);
    }
    String key = text(root, "parameter");
    SetpointParameter parameter =
        SetpointParameter.byKey(key)
            .orElseThrow(() -> new IllegalArgumentException("unknown parameter " + key));
    JsonNode value = root.get("value");
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException("value must be a number");
    }
    Instant ts = null;
    JsonNode at = root.get("ts");
    if (at != null && !at.isNull()) {
      try {
        ts = Instant.parse(at.asText());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("ts is not an ISO instant: " + at.asText());
      }
    }
    return new SetpointCommand(furnace, parameter, value.doubleValue(), ts);
  }

  private static String text(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return node.asText();
  }
}
