package io.vitrum.http.ws;

import io.vitrum.actors.live.LiveEvent;
import io.vitrum.actors.live.LiveEvents;
import io.vitrum.core.live.LiveTopic;
import io.vitrum.core.security.Principal;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.InvalidTokenException;
import io.vitrum.http.auth.TokenVerifier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One WebSocket connection, node-local: authenticates the client (an {@code auth} message, or the
 * token from the handshake), keeps its subscriptions, subscribes to the node's pub-sub topic of
 * each live topic it needs, and passes on the events the client may see (global topics only carry
 * furnaces in its scope) to the client's {@link ConflatingStage} through {@code out}. It never
 * waits on the client: what the client cannot take is conflated or ends the connection there.
 *
 * <p>Closing, from here: {@code error} then {@link Outbound#COMPLETE} (unauthenticated for longer
 * than the auth timeout, a bad token, an expired one). When the stream to the client ends ({@code
 * out} terminates) the session leaves its topics and counts the disconnect; it stops when the
 * client's direction ends ({@link ClientDone}).
 */
final class WsSession extends AbstractBehavior<WsSession.Command> {

  sealed interface Command {}

  /** A client text message; {@code ack} once handled (the inbound stream's backpressure). */
  record ClientText(String text, ActorRef<Ack> ack) implements Command {}

  /** A client message that was too large or binary, already discarded. */
  record ClientRefused(String code, String reason, ActorRef<Ack> ack) implements Command {}

  record ClientStarted(ActorRef<Ack> ack) implements Command {}

  /** The client's direction ended (closed by the client, or failed). */
  record ClientDone() implements Command {}

  /** The connection's stream started: {@code out} leads to the client's buffer. */
  record Attach(ActorRef<Outbound> out) implements Command {}

  private record Delivered(LiveEvent event) implements Command {}

  private enum Timer implements Command {
    AUTH_TIMEOUT,
    HEARTBEAT,
    TOKEN_EXPIRED
  }

  private record OutputGone() implements Command {}

  /** The longest the expiry timer is set ahead; it is set again when it fires before the expiry. */
  static final Duration LONGEST_TIMER = Duration.ofDays(1);

  enum Ack {
    INSTANCE
  }

  static Behavior<Command> create(
      Optional<String> handshakeToken,
      TokenVerifier verifier,
      WsSettings settings,
      WsMetrics metrics,
      LiveEvents live,
      AtomicReference<WsMetrics.Reason> closeReason) {
    return Behaviors.setup(
        ctx ->
            Behaviors.withTimers(
                timers ->
                    new WsSession(
                        ctx,
                        timers,
                        handshakeToken,
                        verifier,
                        settings,
                        metrics,
                        live,
                        closeReason)));
  }

  private final ActorContext<Command> ctx;
  private final TimerScheduler<Command> timers;
  private final Optional<String> handshakeToken;
  private ActorRef<Outbound> out;
  private ActorRef<Ack> pendingStart;
  private final TokenVerifier verifier;
  private final WsSettings settings;
  private final WsMetrics metrics;
  private final LiveEvents live;
  private final AtomicReference<WsMetrics.Reason> closeReason;
  private final ActorRef<LiveEvent> events;
  private final Set<String> topics = new LinkedHashSet<>();
  private Principal principal;
  private boolean closing;
  private boolean released;

  private WsSession(
      ActorContext<Command> ctx,
      TimerScheduler<Command> timers,
      Optional<String> handshakeToken,
      TokenVerifier verifier,
      WsSettings settings,
      WsMetrics metrics,
      LiveEvents live,
      AtomicReference<WsMetrics.Reason> closeReason) {
    super(ctx);
    this.ctx = ctx;
    this.timers = timers;
    this.handshakeToken = handshakeToken;
    this.verifier = verifier;
    this.settings = settings;
    this.metrics = metrics;
    this.live = live;
    this.closeReason = closeReason;
    this.events = ctx.messageAdapter(LiveEvent.class, Delivered::new);
    metrics.connected();
    // Also bounds a connection whose stream never starts (no Attach).
    timers.startSingleTimer(Timer.AUTH_TIMEOUT, settings.authTimeout());
  }

  private Behavior<Command> onAttach(Attach m) {
    out = m.out();
    ctx.watchWith(out, new OutputGone());
    handshakeToken.ifPresent(this::authenticate);
    if (pendingStart != null) {
      pendingStart.tell(Ack.INSTANCE);
      pendingStart = null;
    }
    return this;
  }

  /** The client's first message is taken once the stream to it is attached. */
  private Behavior<Command> onClientStarted(ClientStarted m) {
    if (out == null) {
      pendingStart = m.ack();
      return this;
    }
    return ack(m.ack());
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Attach.class, this::onAttach)
        .onMessage(ClientStarted.class, this::onClientStarted)
        .onMessage(ClientText.class, this::onClientText)
        .onMessage(ClientRefused.class, this::onClientRefused)
        .onMessage(Delivered.class, this::onDelivered)
        .onMessageEquals(Timer.HEARTBEAT, this::onHeartbeat)
        .onMessageEquals(
            Timer.AUTH_TIMEOUT,
            () ->
                out == null
                    ? Behaviors.stopped()
                    : close(
                        WsMetrics.Reason.AUTH_TIMEOUT,
                        "unauthenticated",
                        "no valid auth message within "
                            + settings.authTimeout().toSeconds()
                            + " s"))
        .onMessageEquals(
            Timer.TOKEN_EXPIRED,
            () ->
                watchExpiry()
                    ? this
                    : close(WsMetrics.Reason.TOKEN_EXPIRED, "token-expired", "the token expired"))
        .onMessage(ClientDone.class, m -> Behaviors.stopped())
        .onMessage(OutputGone.class, m -> onOutputGone())
        .onSignal(PostStop.class, s -> onStop())
        .build();
  }

  private Behavior<Command> ack(ActorRef<Ack> ack) {
    ack.tell(Ack.INSTANCE);
    return this;
  }

  private Behavior<Command> onClientRefused(ClientRefused m) {
    send(WsProtocol.error(m.code(), m.reason()));
    return ack(m.ack());
  }

  private Behavior<Command> onClientText(ClientText m) {
    m.ack().tell(Ack.INSTANCE);
    if (closing) {
      return this;
    }
    WsProtocol.ClientMessage message = WsProtocol.parse(m.text(), settings.maxTopics());
    if (message instanceof WsProtocol.Invalid invalid) {
      send(WsProtocol.error("invalid-message", invalid.reason()));
    } else if (message instanceof WsProtocol.Auth auth) {
      if (principal != null) {
        send(WsProtocol.error("invalid-message", "already authenticated"));
      } else {
        authenticate(auth.token());
      }
    } else if (principal == null) {
      send(WsProtocol.error("unauthenticated", "send {\"type\":\"auth\",\"token\":...} first"));
    } else if (message instanceof WsProtocol.Subscribe subscribe) {
      subscribe(subscribe.topics());
    } else if (message instanceof WsProtocol.Unsubscribe unsubscribe) {
      unsubscribe(unsubscribe.topics());
    }
    return this;
  }

  private void authenticate(String token) {
    Principal verified;
    try {
      verified = verifier.verify(token);
    } catch (InvalidTokenException e) {
      close(WsMetrics.Reason.INVALID_TOKEN, "invalid-token", e.getMessage());
      return;
    }
    if (!verified.hasAny(Endpoint.ANYONE)) {
      close(WsMetrics.Reason.FORBIDDEN, "forbidden", "the token grants no role");
      return;
    }
    principal = verified;
    timers.cancel(Timer.AUTH_TIMEOUT);
    timers.startTimerWithFixedDelay(Timer.HEARTBEAT, settings.heartbeatInterval());
    if (!watchExpiry()) {
      timers.startSingleTimer(Timer.TOKEN_EXPIRED, Duration.ZERO);
    }
    send(WsProtocol.authenticated(verified.subject(), verified.expiresAt()));
  }

  /**
   * Sets the timer for the token's expiry, at most {@link #LONGEST_TIMER} ahead (the scheduler
   * refuses delays of weeks, and dev tokens live for a month): when it fires early it is set again.
   * False when the token has expired.
   */
  private boolean watchExpiry() {
    Duration left = Duration.between(Instant.now(), principal.expiresAt());
    if (left.isNegative() || left.isZero()) {
      return false;
    }
    timers.startSingleTimer(
        Timer.TOKEN_EXPIRED, left.compareTo(LONGEST_TIMER) > 0 ? LONGEST_TIMER : left);
    return true;
  }

  private void subscribe(List<String> names) {
    List<String> added = new ArrayList<>();
    for (String name : names) {
      Optional<LiveTopic> topic = LiveTopic.parse(name);
      if (topic.isEmpty()) {
        send(WsProtocol.error("unknown-topic", "no such topic", Optional.of(name)));
      } else if (!topic.get().global() && !principal.sees(topic.get().furnace())) {
        // As for a furnace that does not exist: the caller learns nothing outside its scope.
        send(WsProtocol.error("not-found", "no such furnace", Optional.of(name)));
      } else if (topics.contains(name)) {
        added.add(name);
      } else if (topics.size() >= settings.maxTopics()) {
        send(
            WsProtocol.error(
                "too-many-topics",
                "at most " + settings.maxTopics() + " topics per connection",
                Optional.of(name)));
      } else {
        topics.add(name);
        live.subscribe(name, events);
        added.add(name);
      }
    }
    if (!added.isEmpty()) {
      send(WsProtocol.subscribed("subscribed", added));
    }
  }

  private void unsubscribe(List<String> names) {
    for (String name : names) {
      if (topics.remove(name)) {
        live.unsubscribe(name, events);
      }
    }
    send(WsProtocol.subscribed("unsubscribed", names));
  }

  private Behavior<Command> onDelivered(Delivered m) {
    LiveEvent e = m.event();
    if (principal == null || closing || !topics.contains(e.topic())) {
      return this; // a late event of a topic just left
    }
    if (e.furnace() != null && !principal.sees(e.furnace())) {
      return this;
    }
    out.tell(
        e.reliable()
            ? Outbound.reliable(e.json())
            : Outbound.conflated(e.topic() + "|" + e.key(), e.json()));
    return this;
  }

  private Behavior<Command> onHeartbeat() {
    if (!closing) {
      out.tell(Outbound.conflated("heartbeat", WsProtocol.heartbeat(System.currentTimeMillis())));
    }
    return this;
  }

  private void send(String json) {
    out.tell(Outbound.reliable(json));
  }

  /** Sends {@code error} with {@code code}, then ends the connection once it is sent. */
  private Behavior<Command> close(WsMetrics.Reason reason, String code, String message) {
    if (!closing) {
      closing = true;
      closeReason.compareAndSet(null, reason);
      timers.cancelAll();
      send(WsProtocol.error(code, message));
      out.tell(Outbound.COMPLETE);
    }
    return this;
  }

  /**
   * The stream to the client ended (its buffer overflowed, or the connection is going): nothing
   * more is sent, but the session lives on until the client's direction ends, so that the last
   * message (the reason) can still reach a client that resumes reading.
   */
  private Behavior<Command> onOutputGone() {
    closing = true;
    timers.cancelAll();
    release();
    return this;
  }

  private Behavior<Command> onStop() {
    release();
    return this;
  }

  /** Leaves every topic and counts the disconnect, once. */
  private void release() {
    for (String topic : topics) {
      live.unsubscribe(topic, events);
    }
    topics.clear();
    if (!released) {
      released = true;
      WsMetrics.Reason reason = closeReason.get();
      metrics.disconnected(reason == null ? WsMetrics.Reason.CLIENT_CLOSED : reason);
    }
  }
}
