package io.vitrum.streams.ingest;

import com.typesafe.config.Config;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;

/** The protocol sources a node's configuration asks for. */
public final class Sources {
  private Sources() {}

  /** One factory per configured protocol. */
  public static List<SourceFactory> fromConfig(ActorSystem<?> system, Config config) {
    List<SourceFactory> factories = new ArrayList<>();
    return List.copyOf(factories);
  }
}
