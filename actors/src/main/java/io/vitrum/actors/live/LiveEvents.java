package io.vitrum.actors.live;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Extension;
import org.apache.pekko.actor.typed.ExtensionId;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.pubsub.Topic;

/**
 * The node's end of live updates: one Pekko pub-sub {@link Topic} actor per live topic name,
 * spawned on first use. Publishing sends each event once to every node whose topic actor has local
 * subscribers (the WebSocket sessions of that node); a topic actor registers with the receptionist
 * only while it has local subscribers, so nodes without interested clients get nothing.
 *
 * <p>An event published just after its topic actor started, before the actor saw the cluster's
 * topic listing, reaches local subscribers only: live updates are best effort, the REST API is the
 * record.
 */
public final class LiveEvents implements Extension {
  /** Prefix of the pub-sub topic names; part of the cluster protocol between nodes. */
  public static final String TOPIC_PREFIX = "vitrum-live:";

  private static final ExtensionId<LiveEvents> ID =
      new ExtensionId<>() {
        @Override
        public LiveEvents createExtension(ActorSystem<?> system) {
          return new LiveEvents(system);
        }
      };

  private final ActorSystem<?> system;
  private final ConcurrentMap<String, ActorRef<Topic.Command<LiveEvent>>> topics =
      new ConcurrentHashMap<>();

  private LiveEvents(ActorSystem<?> system) {
    this.system = system;
  }

  public static LiveEvents get(ActorSystem<?> system) {
    return ID.apply(system);
  }

  /** The pub-sub topic actor of live topic {@code name}, started on first use. */
  public ActorRef<Topic.Command<LiveEvent>> topic(String name) {
    return topics.computeIfAbsent(
        name,
        n ->
            system.systemActorOf(
                Topic.create(LiveEvent.class, TOPIC_PREFIX + n),
                "live-" + URLEncoder.encode(n, StandardCharsets.UTF_8),
                Props.empty()));
  }

  /**
   * Publishes {@code event} to the subscribers of its topic on every node. Never throws: a node
   * that is shutting down (no more topic actors) drops it, as live updates are best effort.
   */
  public void publish(LiveEvent event) {
    try {
      topic(event.topic()).tell(Topic.publish(event));
    } catch (RuntimeException e) {
      system.log().debug("Live event of {} dropped: {}", event.topic(), e.toString());
    }
  }

  /** {@link #publish} as a {@link LivePublisher}, for the entities. */
  public LivePublisher publisher() {
    return this::publish;
  }

  /** Subscribes {@code subscriber} to live topic {@code name} on this node. */
  public void subscribe(String name, ActorRef<LiveEvent> subscriber) {
    topic(name).tell(Topic.subscribe(subscriber));
  }

  public void unsubscribe(String name, ActorRef<LiveEvent> subscriber) {
    topic(name).tell(Topic.unsubscribe(subscriber));
  }
}
