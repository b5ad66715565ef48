package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.vitrum.config.embedded.FreePort;
import io.vitrum.core.security.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plant's MQTT link against a Moquette broker that enforces a password file. */
class PlantMqttAuthTest {
  private static final String USER = "vitrum-plant";
  private static final String PASSWORD = "plant-Pa55word";

  private static Server broker;
  private static String url;

  @BeforeAll
  static void start(@TempDir Path dir) throws Exception {
    Path passwords = dir.resolve("passwords.conf");
    byte[] hash =
        MessageDigest.getInstance("SHA-256").digest(PASSWORD.getBytes(StandardCharsets.UTF_8));
    Files.writeString(passwords, USER + ":" + HexFormat.of().formatHex(hash) + "\n");
    int port = FreePort.pick();
    url = "tcp://127.0.0.1:" + port;
    Properties props = new Properties();
    props.setProperty("host", "127.0.0.1");
    props.setProperty("port", Integer.toString(port));
    props.setProperty("allow_anonymous", "false");
    props.setProperty("password_file", passwords.toString());
    props.setProperty("persistence_enabled", "false");
    props.setProperty("telemetry_enabled", "false");
    broker = new Server();
    broker.startServer(new MemoryConfig(props));
  }

  @AfterAll
  static void stop() {
    broker.stopServer();
  }

  private static boolean connects(PlantCredentials credentials) throws Exception {
    SetpointInbox inbox = new SetpointInbox(Set.of("F2"), 4);
    try (MqttPlantLink link =
        new MqttPlantLink(url, List.of("F2"), inbox, Duration.ofMillis(300), credentials)) {
      link.start();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (System.nanoTime() < deadline) {
        if (link.isConnected()) {
          return true;
        }
        Thread.sleep(50);
      }
      return false;
    }
  }

  @Test
  void theRightCredentialsConnectFromAPasswordFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mqtt-password");
    Files.writeString(file, PASSWORD + "\n");
    PlantCredentials credentials =
        PlantCredentials.fromEnv(
            Map.of("VITRUM_MQTT_USERNAME", USER, "VITRUM_MQTT_PASSWORD_FILE", file.toString()),
            "VITRUM_MQTT");
    assertEquals(PASSWORD, credentials.password().reveal());
    assertFalse(credentials.toString().contains(PASSWORD), credentials.toString());
    assertTrue(connects(credentials), "connected with the right credentials");
  }

  @Test
  void wrongOrMissingCredentialsAreRefused() throws Exception {
    assertFalse(connects(new PlantCredentials(USER, Secret.of("wrong"))), "wrong password");
    assertFalse(connects(PlantCredentials.NONE), "anonymous");
  }
}
