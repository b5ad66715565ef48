package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.vitrum.config.EmbeddedInfrastructure;
import io.vitrum.config.VitrumConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The launcher as a local-profile node uses it, with Kafka, the broker and Neo4j (Cassandra and the
 * plant have their own tests or owners): they start in parallel, the node is pointed at them, close
 * stops them.
 */
class EmbeddedLauncherIT {

  @Test
  void startsKafkaTheBrokerAndNeo4jAndPointsTheNodeAtThem() {
    Path dir = TestChildren.freshDirectory("it-launcher");
    Config config =
        ConfigFactory.parseString(
                String.join(
                    "\n",
                    "vitrum.embedded.cassandra.enabled = off",
                    "vitrum.embedded.plant.enabled = off",
                    "vitrum.embedded.kafka { port = 0, data-directory = \"" + dir + "/kafka\" }",
                    "vitrum.embedded.mqtt { port = 0, data-directory = \"" + dir + "/mqtt\" }",
                    "vitrum.embedded.neo4j { port = 0, data-directory = \"" + dir + "/neo4j\" }"))
            .withFallback(VitrumConfig.load("local"))
            .resolve();
    assertTrue(EmbeddedInfrastructure.wanted(config));

    EmbeddedServers servers = (EmbeddedServers) new EmbeddedLauncher().start(config);
    try {
      EmbeddedKafka kafka = servers.kafka().orElseThrow();
      EmbeddedMqttBroker mqtt = servers.mqtt().orElseThrow();
      EmbeddedNeo4j neo4j = servers.neo4j().orElseThrow();
      assertTrue(servers.cassandra().isEmpty());
      assertTrue(servers.plant().isEmpty());

      Config node = servers.configure(config);
      assertEquals(kafka.bootstrapServers(), node.getString("vitrum.kafka.bootstrap-servers"));
      assertEquals(mqtt.url(), node.getString("vitrum.mqtt.url"));
      assertEquals(neo4j.boltUri(), node.getString("vitrum.neo4j.uri"));
      try (Driver driver =
          GraphDatabase.driver(node.getString("vitrum.neo4j.uri"), AuthTokens.none())) {
        assertEquals(
            1L, driver.executableQuery("RETURN 1").execute().records().get(0).get(0).asLong());
      }
      List<String> banner = servers.describe();
      assertEquals(3, banner.size(), banner.toString());
      assertTrue(banner.get(0).startsWith("Kafka"), banner.toString());
      assertTrue(banner.get(1).contains(mqtt.url()), banner.toString());
      assertTrue(banner.get(2).startsWith("Neo4j       " + neo4j.boltUri()), banner.toString());

      servers.close();
      assertTrue(TestChildren.exits(kafka.pid(), Duration.ofSeconds(60)));
      assertTrue(TestChildren.exits(mqtt.pid(), Duration.ofSeconds(30)));
      assertTrue(TestChildren.exits(neo4j.pid(), Duration.ofSeconds(30)));
      assertFalse(FreePort.accepting(kafka.port()));
      assertFalse(FreePort.accepting(neo4j.port()));
    } finally {
      servers.close();
    }
  }
}
