package io.vitrum.streams.ingest.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.vitrum.core.security.Secret;
import io.vitrum.streams.ingest.ConnectionState;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestStatus;
import io.vitrum.streams.ingest.SourceStatus;
import io.vitrum.streams.ingest.testsupport.LogRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Sink;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT source and setpoint writer against a Moquette broker that enforces a password file
 * (anonymous clients refused): the right credentials connect and messages flow, wrong or missing
 * ones are refused and reported as the source's failure, and the password is in no settings text
 * and no log line.
 */
class MqttAuthIT {
  private static final Duration LIMIT = Duration.ofSeconds(30);
  private static final String USER = "vitrum-engine";
  private static final String PASSWORD = "mqtt-Pa55word-xyz";
  private static final String WRONG = "wrong-Pa55word-abc";

  private static MqttTestBroker broker;
  private static ActorSystem<Void> system;

  @BeforeAll
  static void start() {
    broker = MqttTestBroker.startWithPassword(USER, PASSWORD);
    system = ActorSystem.create(Behaviors.empty(), "MqttAuthIT");
  }

  @AfterAll
  static void stop() {
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
    broker.close();
  }

  /** Settings as an operator gives them: user name, and the password in a mounted file. */
  private static MqttSettings settings(String clientId, String topic, Path passwordFile) {
    return MqttSettings.create(
            ConfigFactory.parseString(
                    "vitrum.mqtt { reconnect { min-backoff = 2s, max-backoff = 5s }\n"
                        + " json.topics = [\""
                        + topic
                        + "\"] }")
                .withValue("vitrum.mqtt.username", ConfigValueFactory.fromAnyRef(USER))
                .withValue(
                    "vitrum.mqtt.password-file",
                    ConfigValueFactory.fromAnyRef(passwordFile.toString()))
                .withFallback(ConfigFactory.load()))
        .withUrl(broker.url())
        .withClientId(clientId);
  }

  private static Path file(Path dir, String secret) throws Exception {
    Path f = dir.resolve("mqtt-password");
    Files.writeString(f, secret + "\n");
    return f;
  }

  @Test
  void theRightCredentialsConnectAndMessagesFlow(@TempDir Path dir) throws Exception {
    MqttSettings settings = settings("it-auth-ok", "it-auth/+/readings", file(dir, PASSWORD));
    assertEquals(PASSWORD, settings.password().reveal(), "read from the file, trimmed");
    assertFalse(settings.toString().contains(PASSWORD), settings.toString());
    assertTrue(settings.toString().contains("password=****"), settings.toString());

    IngestStatus status = new IngestStatus(Clock.systemUTC());
    BlockingQueue<Inbound<MqttMessageWithAck>> q = new LinkedBlockingQueue<>();
    Materializer materializer = Materializer.createMaterializer(system);
    try (LogRecorder logs = LogRecorder.start()) {
      new MqttJsonSource(settings, status).inbound().runWith(Sink.foreach(q::add), materializer);
      Await.until(
          LIMIT,
          "subscribed",
          () -> status.handle("mqtt").status().state() == ConnectionState.CONNECTED);
      String reading =
          "[{\"tag\":\"F2.crown.T1\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":1520.5,"
              + "\"unit\":\"degC\"}]";
      try (PahoTestPublisher plant =
          new PahoTestPublisher(broker.url(), "it-auth-plant", USER, PASSWORD)) {
        plant.publish("it-auth/F2/readings", reading);
      }
      Inbound<MqttMessageWithAck> in = Await.next(q, LIMIT, "the reading");
      assertEquals(reading, MqttJsonSourceIT.text(in));

      try (MqttSetpointWriter writer = new MqttSetpointWriter(settings, Clock.systemUTC())) {
        Await.until(LIMIT, "the writer connected", writer::isConnected);
      }
      assertFalse(logs.lines().isEmpty(), "the connection was logged");
      assertFalse(logs.mentions(PASSWORD), () -> "the password in the logs: " + logs.lines());
    } finally {
      materializer.shutdown();
    }
  }

  @Test
  void aWrongPasswordIsRefusedAndReportedWithoutThePassword(@TempDir Path dir) throws Exception {
    MqttSettings settings = settings("it-auth-wrong", "it-auth-wrong/+/readings", file(dir, WRONG));
    SourceStatus failed = refused(settings);
    assertFalse(failed.lastError().contains(WRONG), failed.lastError());
    MqttSecurityException e =
        assertThrows(
            MqttSecurityException.class,
            () -> new PahoTestPublisher(broker.url(), "it-auth-wrong-plant", USER, WRONG));
    assertEquals(MqttException.REASON_CODE_FAILED_AUTHENTICATION, e.getReasonCode());
  }

  @Test
  void anonymousClientsAreRefused() throws Exception {
    MqttSettings anonymous =
        MqttSettings.create(ConfigFactory.load())
            .withUrl(broker.url())
            .withClientId("it-auth-anon")
            .withCredentials("", Secret.NONE);
    assertFalse(anonymous.authenticated());
    refused(anonymous);
    assertThrows(
        MqttSecurityException.class,
        () -> new PahoTestPublisher(broker.url(), "it-auth-anon-plant"));
  }

  /** Runs the JSON source until it reports the refused connection; nothing arrives. */
  private static SourceStatus refused(MqttSettings settings) throws Exception {
    IngestStatus status = new IngestStatus(Clock.systemUTC());
    BlockingQueue<Inbound<MqttMessageWithAck>> q = new LinkedBlockingQueue<>();
    Materializer materializer = Materializer.createMaterializer(system);
    try (LogRecorder logs = LogRecorder.start()) {
      new MqttJsonSource(settings, status).inbound().runWith(Sink.foreach(q::add), materializer);
      Await.until(LIMIT, "refused", () -> status.handle("mqtt").status().lastError() != null);
      SourceStatus s = status.handle("mqtt").status();
      assertNotEquals(ConnectionState.CONNECTED, s.state());
      assertNotNull(s.lastError());
      assertTrue(q.isEmpty(), "nothing arrives: " + q);
      assertFalse(logs.lines().isEmpty(), "the refusal was logged");
      for (String secret : List.of(PASSWORD, WRONG)) {
        assertFalse(logs.mentions(secret), () -> "a password in the logs: " + logs.lines());
      }
      return s;
    } finally {
      materializer.shutdown();
    }
  }
}
