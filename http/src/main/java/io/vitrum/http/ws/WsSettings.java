package io.vitrum.http.ws;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The WebSocket's settings, from {@code vitrum.ws}.
 *
 * @param authTimeout how long a connection may stay unauthenticated before it is closed
 * @param heartbeatInterval how often an authenticated client gets a {@code heartbeat}
 * @param maxMessageBytes largest client message (characters of its text); larger ones get an {@code
 *     error} and are discarded
 * @param maxTopics most topics one client may be subscribed to at once
 * @param maxConflated most distinct telemetry keys buffered per client (the latest value of each)
 * @param maxReliable most alerts and replies buffered per client; one more disconnects it
 * @param inboxSize most messages queued between a client's session and its buffer stage
 * @param subprotocol the subprotocol the server selects when the client offers it
 */
public record WsSettings(
    Duration authTimeout,
    Duration heartbeatInterval,
    int maxMessageBytes,
    int maxTopics,
    int maxConflated,
    int maxReliable,
    int inboxSize,
    String subprotocol) {

  public static WsSettings create(Config config) {
    Config c = config.getConfig("vitrum.ws");
    return new WsSettings(
        c.getDuration("auth-timeout"),
        c.getDuration("heartbeat-interval"),
        (int) c.getBytes("max-message-size").longValue(),
        c.getInt("max-topics"),
        c.getInt("buffer.max-conflated"),
        c.getInt("buffer.max-reliable"),
        c.getInt("buffer.inbox"),
        c.getString("subprotocol"));
  }
}
