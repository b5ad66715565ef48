package io.vitrum.http.server;

import com.typesafe.config.Config;
import java.util.List;

/**
 * How a node joins its cluster and where its management HTTP listens, from the profile's
 * configuration.
 *
 * @param profile the configuration profile ({@code local}, {@code cluster}, {@code kubernetes})
 * @param seedNodes the cluster's seed nodes; empty: self-join (local) or bootstrap (Kubernetes)
 * @param managementHost host name of management HTTP
 * @param managementPort port of management HTTP
 */
public record NodeSettings(
    String profile, List<String> seedNodes, String managementHost, int managementPort) {

  public static NodeSettings create(Config config, String profile) {
    return new NodeSettings(
        profile,
        List.copyOf(config.getStringList("pekko.cluster.seed-nodes")),
        config.getString("pekko.management.http.hostname"),
        config.getInt("pekko.management.http.port"));
  }

  /** {@code http://host:port} of management HTTP. */
  public String managementUrl() {
    return "http://" + managementHost + ":" + managementPort;
  }
}
