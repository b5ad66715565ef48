package io.vitrum.http.ws;

import io.vitrum.actors.live.LiveEvents;
import io.vitrum.http.auth.TokenVerifier;
import io.vitrum.http.routes.RouteTemplate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketUpgrade;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.stream.typed.javadsl.ActorSource;

/**
 * The WebSocket {@code /ws}. Public: the client authenticates in the protocol, with a first message
 * {@code {"type":"auth","token":"<jwt>"}}, or in the handshake by offering the subprotocols {@code
 * vitrum.v1, bearer.<jwt>} in {@code Sec-WebSocket-Protocol} (the server then selects {@code
 * vitrum.v1} and never echoes the token). Tokens are never read from the URL, which ends up in
 * logs.
 *
 * <p>Per connection: a {@link WsSession} actor, the client's messages into it one at a time (each
 * at most {@code max-message-size}; binary ones are refused, too large ones discarded while read,
 * each answered with an {@code error}), and its replies and events out through a {@link
 * ConflatingStage}. On a reliable overflow the stage fails; the client then gets {@code
 * {"type":"error","code":"slow-consumer"}} as the last message and a normal close, since Pekko HTTP
 * 1.x cannot send a close frame with a chosen status code such as 1008.
 */
public final class WsRoutes extends AllDirectives {
  static final String BEARER_PROTOCOL_PREFIX = "bearer.";

  private final ActorSystem<?> system;
  private final WsSettings settings;
  private final TokenVerifier verifier;
  private final WsMetrics metrics;
  private final LiveEvents live;
  private final Materializer materializer;
  private final AtomicLong connections = new AtomicLong();

  public WsRoutes(ActorSystem<?> system, WsSettings settings, TokenVerifier verifier) {
    this.system = system;
    this.settings = settings;
    this.verifier = verifier;
    this.metrics = WsMetrics.get(system);
    this.live = LiveEvents.get(system);
    this.materializer = Materializer.matFromSystem(system);
  }

  public Route routes() {
    return path(
        "ws",
        () ->
            RouteTemplate.named(
                "/ws", () -> extractWebSocketUpgrade(upgrade -> complete(accept(upgrade)))));
  }

  private HttpResponse accept(WebSocketUpgrade upgrade) {
    Iterable<String> offered = upgrade.getRequestedProtocols();
    Optional<String> token =
        StreamSupport.stream(offered.spliterator(), false)
            .filter(p -> p.startsWith(BEARER_PROTOCOL_PREFIX))
            .map(p -> p.substring(BEARER_PROTOCOL_PREFIX.length()))
            .findFirst();
    boolean ours =
        StreamSupport.stream(offered.spliterator(), false)
            .anyMatch(p -> p.equals(settings.subprotocol()));
    Flow<Message, Message, NotUsed> flow = connection(token);
    return ours
        ? upgrade.handleMessagesWith(flow, settings.subprotocol())
        : upgrade.handleMessagesWith(flow);
  }

  /**
   * One connection's handler. The session starts now and is given the way to the client's buffer
   * when the connection's stream starts; one whose stream never starts stops after the auth
   * timeout.
   */
  private Flow<Message, Message, NotUsed> connection(Optional<String> token) {
    AtomicReference<WsMetrics.Reason> closeReason = new AtomicReference<>();
    ActorRef<WsSession.Command> session =
        system.systemActorOf(
            WsSession.create(token, verifier, settings, metrics, live, closeReason),
            "ws-" + connections.incrementAndGet(),
            Props.empty());
    // inbox: between the session and the stage, in the stage's island; the stage always pulls,
    // so it holds nothing unless the connection's actor is far behind, and overflowing it fails
    // the connection (bounded memory).
    Source<Outbound, NotUsed> outbox =
        ActorSource.<Outbound>actorRef(
                m -> false, // Outbound.COMPLETE ends the stage in band, after what it holds
                m -> Optional.empty(),
                settings.inboxSize(),
                OverflowStrategy.fail())
            .mapMaterializedValue(
                ref -> {
                  session.tell(new WsSession.Attach(ref));
                  return NotUsed.notUsed();
                });
    Sink<Message, NotUsed> in =
        Flow.<Message>create()
            .mapAsync(1, this::read)
            .to(
                ActorSink.<Inbound, WsSession.Command, WsSession.Ack>actorRefWithBackpressure(
                    session,
                    (ack, inbound) ->
                        inbound.text() != null
                            ? new WsSession.ClientText(inbound.text(), ack)
                            : new WsSession.ClientRefused(
                                "invalid-message", inbound.refusal(), ack),
                    WsSession.ClientStarted::new,
                    WsSession.Ack.INSTANCE,
                    new WsSession.ClientDone(),
                    failure -> new WsSession.ClientDone()));
    String slowConsumer =
        WsProtocol.error(
            "slow-consumer", "the client did not take its alerts in time: disconnected");
    Source<Message, NotUsed> out =
        outbox
            .via(
                new ConflatingStage(
                    settings.maxConflated(),
                    settings.maxReliable(),
                    metrics,
                    () -> closeReason.compareAndSet(null, WsMetrics.Reason.SLOW_CONSUMER)))
            .recover(SlowConsumerException.class, () -> slowConsumer)
            .map(TextMessage::create);
    return Flow.fromSinkAndSourceCoupled(in, out);
  }

  /** A client message read whole, or why it was refused (binary, too large). */
  private record Inbound(String text, String refusal) {}

  private CompletionStage<Inbound> read(Message message) {
    int max = settings.maxMessageBytes();
    if (!message.isText()) {
      return message
          .asBinaryMessage()
          .getStreamedData()
          .runWith(Sink.ignore(), materializer)
          .thenApply(done -> new Inbound(null, "binary messages are not accepted"));
    }
    TextMessage text = message.asTextMessage();
    if (text.isStrict()) {
      return CompletableFuture.completedFuture(
          text.getStrictText().length() <= max
              ? new Inbound(text.getStrictText(), null)
              : tooLarge(max));
    }
    // Read to the end (the connection must go on) but keep at most max characters.
    return text.getStreamedText()
        .runFold(
            new StringBuilder(),
            (sb, part) -> {
              if (sb.length() <= max) {
                sb.append(part, 0, Math.min(part.length(), max + 1 - sb.length()));
              }
              return sb;
            },
            materializer)
        .thenApply(sb -> sb.length() <= max ? new Inbound(sb.toString(), null) : tooLarge(max));
  }

  private static Inbound tooLarge(int max) {
    return new Inbound(null, "a message may have at most " + max + " characters");
  }
}
