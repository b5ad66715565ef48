package io.vitrum.actors.live;

import io.vitrum.core.live.LiveTopic;
import java.util.Map;

/**
 * Where an entity sends its live updates after they are accepted (and persisted, where they are
 * persisted): {@link LiveEvents#publisher()} in a node, {@link #NONE} in entity unit tests.
 */
@FunctionalInterface
public interface LivePublisher {
  LivePublisher NONE = event -> {};

  void publish(LiveEvent event);

  /** Renders {@code data} once and publishes it to every topic of {@code topics}. */
  default void publish(
      String type,
      String furnace,
      String key,
      boolean reliable,
      Map<String, Object> data,
      LiveTopic... topics) {
    if (this == NONE) {
      return;
    }
    long now = System.currentTimeMillis();
    for (LiveTopic topic : topics) {
      publish(
          new LiveEvent(
              topic.name(),
              type,
              furnace,
              key,
              reliable,
              LiveJson.render(type, topic.name(), furnace, now, data),
              now));
    }
  }
}
