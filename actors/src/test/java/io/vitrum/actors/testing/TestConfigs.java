package io.vitrum.actors.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.apache.pekko.persistence.testkit.javadsl.EventSourcedBehaviorTestKit;

/** Configurations for unit tests of entities: local provider, in-memory journal. */
public final class TestConfigs {
  private TestConfigs() {}

  /** The in-memory journal and snapshot store over the project's own serialization bindings. */
  public static Config eventSourcedUnitTest() {
    return ConfigFactory.parseString(
            "pekko.actor.provider = local\npekko.loglevel = INFO\n"
                + "pekko.persistence.testkit.events.serialize = on\n")
        .withFallback(EventSourcedBehaviorTestKit.config())
        .withFallback(ConfigFactory.load());
  }

  /**
   * Entity test kits that check events and state serialize but send commands as a route on the same
   * node does, unserialized: the entity itself must refuse what it could not store.
   */
  public static EventSourcedBehaviorTestKit.SerializationSettings unserializedCommands() {
    return EventSourcedBehaviorTestKit.enabledSerializationSettings().withVerifyCommands(false);
  }
}
