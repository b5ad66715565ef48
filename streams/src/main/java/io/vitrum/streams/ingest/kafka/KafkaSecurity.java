package io.vitrum.streams.ingest.kafka;

import com.typesafe.config.Config;
import io.vitrum.core.security.Secret;
import io.vitrum.streams.ingest.Secrets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;

/**
 * How every Kafka client the engine makes (producers, consumers, admin) authenticates and encrypts,
 * from {@code vitrum.kafka}: passed through to the client properties as they are, blank ones left
 * out (so the client's defaults, PLAINTEXT and the JVM trust store, apply). The JAAS line and the
 * trust store password are {@link Secret}s: this record prints them as {@code ****}, and the Kafka
 * clients themselves log them as {@code [hidden]}.
 *
 * @param securityProtocol {@code security.protocol}: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL
 * @param saslMechanism {@code sasl.mechanism}: PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, ...
 * @param saslJaasConfig {@code sasl.jaas.config} (from {@code sasl-jaas-config} or the file at
 *     {@code sasl-jaas-config-file})
 * @param sslTruststoreLocation {@code ssl.truststore.location}
 * @param sslTruststorePassword {@code ssl.truststore.password} (or the file at {@code
 *     ssl-truststore-password-file})
 */
public record KafkaSecurity(
    String securityProtocol,
    String saslMechanism,
    Secret saslJaasConfig,
    String sslTruststoreLocation,
    Secret sslTruststorePassword) {

  /** Nothing set: the clients' defaults (PLAINTEXT). */
  public static final KafkaSecurity NONE = new KafkaSecurity("", "", Secret.NONE, "", Secret.NONE);

  public KafkaSecurity {
    securityProtocol = Objects.requireNonNull(securityProtocol, "securityProtocol").trim();
    saslMechanism = Objects.requireNonNull(saslMechanism, "saslMechanism").trim();
    Objects.requireNonNull(saslJaasConfig, "saslJaasConfig");
    sslTruststoreLocation =
        Objects.requireNonNull(sslTruststoreLocation, "sslTruststoreLocation").trim();
    Objects.requireNonNull(sslTruststorePassword, "sslTruststorePassword");
  }

  /** Reads the security keys of a {@code vitrum.kafka} block (missing keys: not set). */
  public static KafkaSecurity create(Config kafka) {
    return new KafkaSecurity(
        string(kafka, "security-protocol"),
        string(kafka, "sasl-mechanism"),
        Secrets.read(kafka, "sasl-jaas-config"),
        string(kafka, "ssl-truststore-location"),
        Secrets.read(kafka, "ssl-truststore-password"));
  }

  /**
   * The client properties, secrets revealed: hand them to a Kafka client and nowhere else (never
   * log this map).
   */
  public Map<String, String> clientProperties() {
    Map<String, String> p = new HashMap<>();
    put(p, CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, securityProtocol);
    put(p, SaslConfigs.SASL_MECHANISM, saslMechanism);
    put(p, SaslConfigs.SASL_JAAS_CONFIG, saslJaasConfig.reveal());
    put(p, SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, sslTruststoreLocation);
    put(p, SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, sslTruststorePassword.reveal());
    return Map.copyOf(p);
  }

  private static void put(Map<String, String> p, String key, String value) {
    if (!value.isBlank()) {
      p.put(key, value);
    }
  }

  private static String string(Config c, String key) {
    return c.hasPath(key) ? c.getString(key) : "";
  }
}
