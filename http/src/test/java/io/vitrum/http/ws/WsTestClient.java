package io.vitrum.http.ws;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the JDK's) for the tests. It reads one message at a time and can stop
 * reading ({@link #pause()}), as a slow client does: then the server's writes back up through TCP.
 * Every text message received is kept, parsed, in arrival order.
 */
final class WsTestClient implements WebSocket.Listener, AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(20);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** How the server closed the connection. */
  record Close(int code, String reason) {}

  private final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  private final List<JsonNode> all = java.util.Collections.synchronizedList(new ArrayList<>());
  private final CompletableFuture<Close> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile boolean paused;
  private volatile WebSocket socket;

  static WsTestClient connect(int port, List<String> subprotocols) throws Exception {
    WsTestClient client = new WsTestClient();
    WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(WAIT);
    if (!subprotocols.isEmpty()) {
      builder.subprotocols(
          subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
    }
    client.socket =
        builder
            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), client)
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    return client;
  }

  String subprotocol() {
    return socket.getSubprotocol();
  }

  void send(String json) throws Exception {
    socket.sendText(json, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** The next message that is not a heartbeat. */
  JsonNode next() throws InterruptedException {
    return next(m -> !m.path("type").asText().equals("heartbeat"));
  }

  /** The next message matching {@code wanted}, skipping others. */
  JsonNode next(Predicate<JsonNode> wanted) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonNode m = inbox.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (m == null) {
        fail("no matching message within " + WAIT + "; received " + all.size());
      }
      if (wanted.test(m)) {
        return m;
      }
    }
  }

  JsonNode nextOfType(String type) throws InterruptedException {
    return next(m -> m.path("type").asText().equals(type));
  }

  /** Every message received so far. */
  List<JsonNode> received() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /** Stops reading: from the next message on, the client takes nothing until {@link #resume()}. */
  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
    socket.request(Long.MAX_VALUE);
  }

  CompletionStage<Close> closed() {
    return closed;
  }

  Close awaitClose() throws Exception {
    return closed.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        JsonNode m = MAPPER.readTree(partial.toString());
        all.add(m);
        inbox.add(m);
      } catch (Exception e) {
        closed.completeExceptionally(e);
      }
      partial.setLength(0);
    }
    if (!paused) {
      webSocket.request(1);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Close(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.completeExceptionally(error);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    socket.abort();
  }
}
