package io.vitrum.streams.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vitrum.streams.testing.TestNeo4j;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/** The shared test Neo4j over Bolt, with the engine's driver: a MERGE twice makes one node. */
class Neo4jServerIT {

  @Test
  void mergingTheSameNodeTwiceKeepsOne() {
    String key = "merge-" + UUID.randomUUID();
    try (Driver driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none())) {
      driver.verifyConnectivity();
      for (int i = 0; i < 2; i++) {
        driver
            .executableQuery("MERGE (:ServerProbe {key: $key})")
            .withParameters(Map.of("key", key))
            .execute();
      }
      long count =
          driver
              .executableQuery("MATCH (p:ServerProbe {key: $key}) RETURN count(p)")
              .withParameters(Map.of("key", key))
              .execute()
              .records()
              .get(0)
              .get(0)
              .asLong();
      assertEquals(1, count);
    }
  }
}
