package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * Starts a real Neo4j, talks Bolt to it, attaches to it a second time, stops it (quickly), and
 * starts it again on the same directory: what was written is still there.
 */
class EmbeddedNeo4jIT {

  @Test
  void startsServesReusesStopsAndRestartsARealNeo4jWithItsData() {
    EmbeddedNeo4jSettings settings =
        EmbeddedNeo4jSettings.create(ConfigFactory.load())
            .forTests(TestChildren.freshDirectory("it-neo4j-launcher"));

    EmbeddedNeo4j first = EmbeddedNeo4j.start(settings);
    try {
      assertTrue(first.owned());
      assertTrue(FreePort.accepting(first.port()));
      assertTrue(first.describe().startsWith("Neo4j"), first.describe());
      try (Driver driver = driver(first)) {
        assertEquals(
            1L,
            driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get(0).asLong());
        driver
            .executableQuery("CREATE (:Probe {name: $name})")
            .withParameters(Map.of("name", "survives a restart"))
            .execute();
      }

      try (EmbeddedNeo4j second = EmbeddedNeo4j.start(settings)) {
        assertFalse(second.owned(), "the second start attaches to the running server");
        assertEquals(first.pid(), second.pid());
        assertEquals(first.boltUri(), second.boltUri());
      }
      assertTrue(TestChildren.alive(first.pid()), "closing the attached one leaves it running");
    } finally {
      Instant stopping = Instant.now();
      first.close();
      assertTrue(TestChildren.exits(first.pid(), Duration.ofSeconds(30)), "Neo4j stopped on close");
      Duration stop = Duration.between(stopping, Instant.now());
      assertTrue(stop.compareTo(Duration.ofSeconds(10)) < 0, "stopped in " + stop);
    }
    assertFalse(FreePort.accepting(first.port()));

    try (EmbeddedNeo4j again = EmbeddedNeo4j.start(settings);
        Driver driver = driver(again)) {
      assertTrue(again.owned(), "the first one is gone: a fresh launch");
      assertEquals(
          1L,
          driver
              .executableQuery("MATCH (p:Probe {name: $name}) RETURN count(p)")
              .withParameters(Map.of("name", "survives a restart"))
              .execute()
              .records()
              .get(0)
              .get(0)
              .asLong(),
          "the node written before the restart");
    }
  }

  private static Driver driver(EmbeddedNeo4j neo4j) {
    Driver driver = GraphDatabase.driver(neo4j.boltUri(), AuthTokens.none());
    driver.verifyConnectivity();
    return driver;
  }
}
