package io.vitrum.config.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Starts a real Cassandra, attaches to it a second time, then stops it. */
class EmbeddedCassandraIT {

  @Test
  void startsReusesAndStopsARealCassandra() throws Exception {
    Path dir = Files.createDirectories(Path.of("target", "it-cassandra-launcher"));
    EmbeddedCassandraSettings settings =
        EmbeddedCassandraSettings.create(ConfigFactory.load()).forTests(dir);

    try (EmbeddedCassandra first = EmbeddedCassandra.start(settings)) {
      assertTrue(first.owned());
      assertTrue(FreePort.accepting(first.cqlPort()), "CQL accepts connections");
      assertTrue(Files.readString(first.systemLog()).contains("Startup complete"));

      try (EmbeddedCassandra second = EmbeddedCassandra.start(settings)) {
        assertFalse(second.owned(), "the second start attaches to the running server");
        assertEquals(first.pid(), second.pid());
        assertEquals(first.cqlPort(), second.cqlPort());
      }
      assertTrue(ProcessHandle.of(first.pid()).map(ProcessHandle::isAlive).orElse(false));

      first.close();
      ProcessHandle process = ProcessHandle.of(first.pid()).orElse(null);
      Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
      while (process != null && process.isAlive() && Instant.now().isBefore(deadline)) {
        process.onExit().get();
      }
      assertFalse(process != null && process.isAlive(), "Cassandra stopped on close");
      assertFalse(FreePort.accepting(first.cqlPort()));
    }
  }
}
