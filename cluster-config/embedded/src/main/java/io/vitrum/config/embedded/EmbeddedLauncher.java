package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import io.vitrum.config.EmbeddedInfrastructure;
import io.vitrum.config.VitrumConfig;
import java.util.List;

/**
 * The {@link EmbeddedInfrastructure} a local-profile node finds through {@link
 * java.util.ServiceLoader} ({@code META-INF/services}): today one embedded Cassandra.
 */
public final class EmbeddedLauncher implements EmbeddedInfrastructure {

  /** For {@link java.util.ServiceLoader}. */
  public EmbeddedLauncher() {}

  @Override
  public Started start(Config config) {
    return new Running(EmbeddedCassandra.start(EmbeddedCassandraSettings.create(config)));
  }

  private record Running(EmbeddedCassandra cassandra) implements Started {
    @Override
    public Config configure(Config config) {
      return VitrumConfig.withCassandraContactPoints(config, cassandra.contactPoint());
    }

    @Override
    public List<String> describe() {
      return List.of(
          "Cassandra   "
              + cassandra.contactPoint()
              + (cassandra.owned() ? " (embedded, started in " : " (embedded, reused, ")
              + cassandra.startupTime().toMillis() / 100 / 10.0
              + " s), log "
              + cassandra.systemLog());
    }

    @Override
    public void close() {
      cassandra.close();
    }
  }
}
