package io.vitrum.streams.ingest.opcua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import io.vitrum.streams.ingest.opcua.OpcUaSecuritySettings.Policy;
import io.vitrum.streams.ingest.opcua.OpcUaSecuritySettings.ServerTrust;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shipped {@code vitrum.opcua} defaults and their checks. */
class OpcUaSettingsTest {

  @Test
  void theShippedDefaults() {
    OpcUaSettings s = OpcUaSettings.create(ConfigFactory.load());
    assertEquals(Duration.ofMillis(200), s.publishingInterval());
    assertEquals(Duration.ofMillis(100), s.samplingInterval());
    assertEquals(0, s.deadband());
    assertEquals(10, s.queueSize());
    assertEquals(5, s.bufferedMessages(), "1 s of 200 ms publish responses");
    if (System.getenv("VITRUM_OPCUA_SECURITY_POLICY") == null) {
      assertEquals(Policy.NONE, s.security().policy());
      assertFalse(s.security().secured());
    }
    assertTrue(s.security().signAndEncrypt());
    assertEquals(ServerTrust.TRUST_LIST, s.security().serverTrust());
    assertEquals(
        Path.of("opcua-pki", "vitrum-client.p12"),
        s.security()
            .keystore()
            .subpath(
                s.security().keystore().getNameCount() - 2, s.security().keystore().getNameCount()),
        "the generated keystore lives in the security dir");
    assertTrue(
        s.security().keystore().isAbsolute(),
        "under the data directory, not the working directory: " + s.security().keystore());
    assertFalse(s.security().toString().contains("vitrum\","), "no password in toString");
  }

  @Test
  void securityIsReadAndCheckedByName() {
    OpcUaSettings s =
        OpcUaTestSettings.of(
            "opc.tcp://127.0.0.1:4840",
            "security { policy = Basic256Sha256, mode = sign, server-trust = trust-on-first-use,"
                + " username = u, password = p, keystore = /tmp/k.p12 }");
    assertEquals(Policy.BASIC256SHA256, s.security().policy());
    assertFalse(s.security().signAndEncrypt());
    assertEquals(ServerTrust.TRUST_ON_FIRST_USE, s.security().serverTrust());
    assertTrue(s.security().hasUser());
    assertEquals(Path.of("/tmp/k.p12"), s.security().keystore());
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OpcUaTestSettings.of("opc.tcp://x:1", "security.policy = aes128"));
    assertTrue(e.getMessage().contains("basic256sha256"), e.getMessage());
  }
}
