package io.vitrum.http.ws;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vitrum.actors.metrics.VitrumMetrics;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;

/**
 * The WebSocket's meters, one set per node: {@code vitrum_ws_clients} (connected), {@code
 * vitrum_ws_buffered} (messages held for all clients), {@code vitrum_ws_buffer_high_water} (the
 * most one client's buffer held), {@code vitrum_ws_conflated_total} and {@code
 * vitrum_ws_dropped_total} (telemetry replaced by a newer value, or dropped for a new key), {@code
 * vitrum_ws_sent_total} and {@code vitrum_ws_disconnects_total{reason}}.
 */
public final class WsMetrics implements Extension {
  /** Why connections end: a bounded set, the {@code reason} label. */
  public enum Reason {
    CLIENT_CLOSED("client-closed"),
    SLOW_CONSUMER("slow-consumer"),
    AUTH_TIMEOUT("auth-timeout"),
    INVALID_TOKEN("invalid-token"),
    TOKEN_EXPIRED("token-expired"),
    FORBIDDEN("forbidden");

    private final String wire;

    Reason(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }
  }

  private static final ExtensionId<WsMetrics> ID =
      new ExtensionId<>() {
        @Override
        public WsMetrics createExtension(ActorSystem<?> system) {
          return new WsMetrics(VitrumMetrics.get(system).registry());
        }
      };

  private final AtomicInteger clients = new AtomicInteger();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicInteger highWater = new AtomicInteger();
  private final Counter conflated;
  private final Counter dropped;
  private final Counter sent;
  private final Map<Reason, Counter> disconnects = new ConcurrentHashMap<>();

  private WsMetrics(MeterRegistry registry) {
    Gauge.builder("vitrum.ws.clients", clients, AtomicInteger::get)
        .description("WebSocket clients connected to this node")
        .register(registry);
    Gauge.builder("vitrum.ws.buffered", buffered, AtomicLong::get)
        .description("Messages held in the buffers of this node's WebSocket clients")
        .register(registry);
    Gauge.builder("vitrum.ws.buffer.high.water", highWater, AtomicInteger::get)
        .description("The most messages one client's buffer held")
        .register(registry);
    conflated =
        Counter.builder("vitrum.ws.conflated")
            .description("Telemetry replaced in a client's buffer by a newer value of its key")
            .register(registry);
    dropped =
        Counter.builder("vitrum.ws.dropped")
            .description("Telemetry dropped from a full client buffer for a new key")
            .register(registry);
    sent =
        Counter.builder("vitrum.ws.sent")
            .description("Messages sent to WebSocket clients")
            .register(registry);
    for (Reason reason : Reason.values()) {
      disconnects.put(
          reason,
          Counter.builder("vitrum.ws.disconnects")
              .tag("reason", reason.wire())
              .description("WebSocket connections ended, by why")
              .register(registry));
    }
  }

  public static WsMetrics get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** Connected clients now. */
  public int clients() {
    return clients.get();
  }

  /** Messages held now for all clients. */
  public long buffered() {
    return buffered.get();
  }

  /** The most messages one client's buffer ever held. */
  public int highWater() {
    return highWater.get();
  }

  public double conflated() {
    return conflated.count();
  }

  public double dropped() {
    return dropped.count();
  }

  public double disconnects(Reason reason) {
    return disconnects.get(reason).count();
  }

  void connected() {
    clients.incrementAndGet();
  }

  void disconnected(Reason reason) {
    clients.decrementAndGet();
    disconnects.get(reason).increment();
  }

  void buffered(int delta, int clientSize) {
    buffered.addAndGet(delta);
    highWater.accumulateAndGet(clientSize, Math::max);
  }

  void conflatedOne() {
    conflated.increment();
  }

  void droppedOne() {
    dropped.increment();
  }

  void sentOne() {
    sent.increment();
  }
}
