package io.vitrum.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Without the vitrum-embedded module on the classpath, as on a production node. */
class EmbeddedInfrastructureTest {

  @Test
  void onlyTheLocalProfileWantsEmbeddedServers() {
    assertTrue(EmbeddedInfrastructure.wanted(VitrumConfig.load("local")));
    assertFalse(EmbeddedInfrastructure.wanted(VitrumConfig.load("cluster")));
    assertFalse(EmbeddedInfrastructure.wanted(VitrumConfig.load("kubernetes")));
  }

  @Test
  void aMissingLauncherIsNamed() {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, EmbeddedInfrastructure::find);
    assertTrue(e.getMessage().contains("vitrum-embedded"), e.getMessage());
    assertTrue(e.getMessage().contains("VITRUM_EMBEDDED_CASSANDRA=off"), e.getMessage());
  }
}
