package io.vitrum.streams.ingest;

import com.typesafe.config.Config;
import io.vitrum.core.ingest.SourceKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorSystem;

/** The protocol sources a node's configuration asks for. */
public final class Sources {
  private Sources() {}

  /** One factory per configured protocol. */
  public static List<SourceFactory> fromConfig(ActorSystem<?> system, Config config) {
    List<SourceFactory> factories = new ArrayList<>();
    return List.copyOf(factories);
  }

  /** One setpoint writer per configured protocol. */
  public static Map<SourceKind, SetpointWriter> writers(ActorSystem<?> system, Config config) {
    Map<SourceKind, SetpointWriter> writers = new EnumMap<>(SourceKind.class);
    return Map.copyOf(writers);
  }
}
