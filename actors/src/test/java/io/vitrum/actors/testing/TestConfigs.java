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
}
