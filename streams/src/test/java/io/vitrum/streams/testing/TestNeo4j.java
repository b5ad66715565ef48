package io.vitrum.streams.testing;

import com.typesafe.config.ConfigFactory;
import io.vitrum.config.embedded.EmbeddedNeo4j;
import io.vitrum.config.embedded.EmbeddedNeo4jSettings;
import java.nio.file.Path;

/**
 * One real Neo4j (a child JVM) shared by every test of this module's JVM, started on first use on a
 * free Bolt port with its data under {@code target/it-neo4j}, stopped when the JVM exits; no
 * authentication. Tests keep apart by labels or keys of their own (the data outlive a run).
 */
public final class TestNeo4j {
  private static EmbeddedNeo4j server;

  private TestNeo4j() {}

  /** {@code bolt://127.0.0.1:<port>} of the shared Neo4j, started on first call. */
  public static synchronized String boltUri() {
    if (server == null) {
      server =
          EmbeddedNeo4j.start(
              EmbeddedNeo4jSettings.create(ConfigFactory.load())
                  .forTests(Path.of("target", "it-neo4j")));
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server.boltUri();
  }
}
