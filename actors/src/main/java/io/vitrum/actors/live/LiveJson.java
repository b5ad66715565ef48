package io.vitrum.actors.live;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Renders the WebSocket message of a live event: the envelope and its {@code data} (plain maps,
 * lists, strings, numbers and booleans; instants as ISO-8601 strings).
 */
final class LiveJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

  private LiveJson() {}

  static String render(
      String type, String topic, String furnace, long ts, Map<String, Object> data) {
    ObjectNode message = MAPPER.createObjectNode();
    message.put("type", type);
    message.put("topic", topic);
    message.put("furnace", furnace);
    message.put("ts", ts);
    message.set("data", MAPPER.valueToTree(data));
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot render a live " + type + " event", e);
    }
  }
}
