package io.vitrum.streams.graph;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The Neo4j connection and the knowledge graph, from {@code vitrum.neo4j} and {@code vitrum.graph}.
 *
 * @param enabled whether the engine uses the graph at all
 * @param uri Bolt URI
 * @param user user for basic authentication
 * @param password password; empty for none
 * @param database the database of every session
 * @param queryTimeout how long a query may take
 * @param maxDepth depth limit of neighbourhood queries
 */
public record GraphSettings(
    boolean enabled,
    String uri,
    String user,
    String password,
    String database,
    Duration queryTimeout,
    int maxDepth) {

  public static GraphSettings create(Config config) {
    Config n = config.getConfig("vitrum.neo4j");
    Config g = config.getConfig("vitrum.graph");
    return new GraphSettings(
        g.getBoolean("enabled"),
        n.getString("uri"),
        n.getString("user"),
        n.getString("password"),
        n.getString("database"),
        g.getDuration("query-timeout"),
        g.getInt("max-depth"));
  }
}
