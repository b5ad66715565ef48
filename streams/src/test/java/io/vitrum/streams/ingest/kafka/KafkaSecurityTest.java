package io.vitrum.streams.ingest.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.vitrum.core.security.Secret;
import io.vitrum.streams.ingest.testsupport.LogRecorder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.kafka.ConsumerSettings;
import org.apache.pekko.kafka.ProducerSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client security settings reach every Kafka client and are never printed. */
class KafkaSecurityTest {
  private static final String PASSWORD = "kafka-Pa55word-xyz";
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"vitrum\" password=\""
          + PASSWORD
          + "\";";
  private static final String TRUST_PASSWORD = "trust-Pa55word-xyz";

  private static ActorTestKit testKit;

  @BeforeAll
  static void start() {
    testKit = ActorTestKit.create();
  }

  @AfterAll
  static void stop() {
    testKit.shutdownTestKit();
  }

  private static Config config(Path dir) throws Exception {
    Path trustPassword = dir.resolve("truststore-password");
    Files.writeString(trustPassword, TRUST_PASSWORD + "\n");
    return ConfigFactory.parseString(
            "vitrum.kafka { bootstrap-servers = \"127.0.0.1:1\", security-protocol = SASL_PLAINTEXT,"
                + " sasl-mechanism = PLAIN, ssl-truststore-location = \"/etc/vitrum/trust.p12\" }")
        .withValue("vitrum.kafka.sasl-jaas-config", ConfigValueFactory.fromAnyRef(JAAS))
        .withValue(
            "vitrum.kafka.ssl-truststore-password-file",
            ConfigValueFactory.fromAnyRef(trustPassword.toString()))
        .withFallback(ConfigFactory.load())
        .resolve();
  }

  private static void assertSecurity(Map<String, ?> properties) {
    assertEquals("SASL_PLAINTEXT", properties.get("security.protocol"));
    assertEquals("PLAIN", properties.get("sasl.mechanism"));
    assertEquals(JAAS, properties.get("sasl.jaas.config"));
    assertEquals("/etc/vitrum/trust.p12", properties.get("ssl.truststore.location"));
    assertEquals(TRUST_PASSWORD, properties.get("ssl.truststore.password"));
  }

  private static void assertNoSecret(String text) {
    assertFalse(text.contains(PASSWORD), text);
    assertFalse(text.contains(TRUST_PASSWORD), text);
  }

  @Test
  void unsetKeysLeaveTheClientDefaults() {
    KafkaSettings plain = KafkaSettings.create(ConfigFactory.load());
    assertEquals(KafkaSecurity.NONE, plain.security());
    assertTrue(plain.security().clientProperties().isEmpty());
  }

  @Test
  void everyClientGetsTheSecurityProperties(@TempDir Path dir) throws Exception {
    Config config = config(dir);
    KafkaSettings kafka = KafkaSettings.create(config);
    assertSecurity(kafka.security().clientProperties());
    assertSecurity(kafka.clientProperties());
    assertEquals("127.0.0.1:1", kafka.clientProperties().get("bootstrap.servers"));
    assertSecurity(KafkaTopics.admin(kafka, "1000", "2000"));
    assertSecurity(kafka.producer(testKit.system()).getProperties());
    assertSecurity(kafka.consumer(testKit.system(), "g").getProperties());
    assertSecurity(ReadingsInSettings.create(config).security().clientProperties());
  }

  @Test
  void noSettingsRecordPrintsASecret(@TempDir Path dir) throws Exception {
    Config config = config(dir);
    KafkaSettings kafka = KafkaSettings.create(config);
    assertNoSecret(kafka.toString());
    assertTrue(kafka.toString().contains("saslJaasConfig=****"), kafka.toString());
    assertNoSecret(kafka.security().toString());
    assertNoSecret(ReadingsInSettings.create(config).toString());
    assertNoSecret(kafka.producer(testKit.system()).toString());
    assertNoSecret(kafka.consumer(testKit.system(), "g").toString());
  }

  @Test
  void theClientsLogTheirConfigWithoutTheSecret(@TempDir Path dir) throws Exception {
    KafkaSettings kafka = KafkaSettings.create(config(dir)).withSecurity(plainOnly());
    ProducerSettings<String, byte[]> producerSettings = kafka.producer(testKit.system());
    ConsumerSettings<String, byte[]> consumerSettings = kafka.consumer(testKit.system(), "g");
    try (LogRecorder logs = LogRecorder.start("org.apache.kafka")) {
      try (Producer<String, byte[]> producer = producerSettings.createKafkaProducer();
          Consumer<String, byte[]> consumer = consumerSettings.createKafkaConsumer()) {
        assertTrue(
            logs.mentions("sasl.jaas.config = [hidden]"),
            () -> "the clients logged their config: " + logs.lines());
      }
      assertNoSecret(String.join("\n", logs.lines()));
    }
  }

  /** SASL PLAIN without a trust store, so that the clients can be built without a server. */
  private static KafkaSecurity plainOnly() {
    return new KafkaSecurity("SASL_PLAINTEXT", "PLAIN", Secret.of(JAAS), "", Secret.NONE);
  }
}
