package io.vitrum.http.ws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vitrum.http.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The WebSocket's messages: what a client may send ({@link ClientMessage}, parsed strictly; any
 * other text is an {@link Invalid} with a reason to answer) and the server's replies, rendered with
 * the API's shared JSON configuration. The schemas of both are in {@code openapi/websocket.yaml}.
 */
final class WsProtocol {
  private static final ObjectMapper MAPPER = Json.mapper();

  private WsProtocol() {}

  sealed interface ClientMessage {}

  record Auth(String token) implements ClientMessage {}

  record Subscribe(List<String> topics) implements ClientMessage {}

  record Unsubscribe(List<String> topics) implements ClientMessage {}

  /** Not a message of the protocol; {@code reason} says why, without echoing the text. */
  record Invalid(String reason) implements ClientMessage {}

  static ClientMessage parse(String text, int maxTopics) {
    JsonNode node;
    try {
      node = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      return new Invalid("the message is not well-formed JSON");
    }
    if (node == null || !node.isObject()) {
      return new Invalid("a message is a JSON object");
    }
    JsonNode type = node.get("type");
    if (type == null || !type.isTextual()) {
      return new Invalid("a message needs a string 'type'");
    }
    return switch (type.asText()) {
      case "auth" -> {
        JsonNode token = node.get("token");
        yield token != null && token.isTextual() && !token.asText().isEmpty()
            ? new Auth(token.asText())
            : new Invalid("'auth' needs a string 'token'");
      }
      case "subscribe", "unsubscribe" -> topics(type.asText(), node.get("topics"), maxTopics);
      default -> new Invalid("unknown message type");
    };
  }

  private static ClientMessage topics(String type, JsonNode topics, int maxTopics) {
    if (topics == null || !topics.isArray() || topics.isEmpty()) {
      return new Invalid("'" + type + "' needs a non-empty array 'topics'");
    }
    if (topics.size() > maxTopics) {
      return new Invalid("at most " + maxTopics + " topics per message");
    }
    List<String> names = new ArrayList<>();
    for (JsonNode topic : topics) {
      if (!topic.isTextual()) {
        return new Invalid("'topics' holds strings");
      }
      if (!names.contains(topic.asText())) {
        names.add(topic.asText());
      }
    }
    return type.equals("subscribe")
        ? new Subscribe(List.copyOf(names))
        : new Unsubscribe(List.copyOf(names));
  }

  static String authenticated(String subject, Instant expiresAt) {
    ObjectNode m = message("authenticated");
    m.put("subject", subject);
    m.put("expiresAt", expiresAt.toString());
    return render(m);
  }

  static String subscribed(String type, Collection<String> topics) {
    ObjectNode m = message(type);
    ArrayNode list = m.putArray("topics");
    topics.forEach(list::add);
    return render(m);
  }

  static String error(String code, String message) {
    return error(code, message, Optional.empty());
  }

  static String error(String code, String message, Optional<String> topic) {
    ObjectNode m = message("error");
    m.put("code", code);
    m.put("message", message);
    topic.ifPresent(t -> m.put("topic", t));
    return render(m);
  }

  static String heartbeat(long ts) {
    ObjectNode m = message("heartbeat");
    m.put("ts", ts);
    return render(m);
  }

  private static ObjectNode message(String type) {
    ObjectNode m = MAPPER.createObjectNode();
    m.put("type", type);
    return m;
  }

  private static String render(ObjectNode m) {
    try {
      return MAPPER.writeValueAsString(m);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot render a WebSocket message", e);
    }
  }
}
