package io.vitrum.streams.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import io.vitrum.core.security.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsTest {
  @Test
  void readsTheValue() {
    Secret s = Secrets.read(ConfigFactory.parseString("password = \"s3cret\""), "password");
    assertEquals("s3cret", s.reveal());
  }

  @Test
  void theFileWinsAndIsTrimmed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mqtt-password");
    Files.writeString(file, "  from-file\n");
    Secret s =
        Secrets.read(
            ConfigFactory.parseString("password = inline")
                .withValue("password-file", ConfigValueFactory.fromAnyRef(file.toString())),
            "password");
    assertEquals("from-file", s.reveal());
  }

  @Test
  void blankOrMissingIsNone() {
    assertSame(
        Secret.NONE,
        Secrets.read(
            ConfigFactory.parseString("password = \"\", password-file = \"\""), "password"));
    assertSame(Secret.NONE, Secrets.read(ConfigFactory.empty(), "password"));
  }

  @Test
  void anUnreadableFileNamesTheKeyAndFileOnly(@TempDir Path dir) {
    Path missing = dir.resolve("nope");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Secrets.read(
                    ConfigFactory.parseString("password = inline-secret")
                        .withValue(
                            "password-file", ConfigValueFactory.fromAnyRef(missing.toString())),
                    "password"));
    assertTrue(e.getMessage().contains("password-file"), e.getMessage());
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    assertFalse(e.getMessage().contains("inline-secret"), e.getMessage());
  }
}
