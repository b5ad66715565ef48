package io.vitrum.loadtests.plant;

import io.vitrum.core.security.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A user name and password the plant's clients and servers use, read from the same environment
 * variables as the engine's ({@code <PREFIX>_USERNAME}, {@code <PREFIX>_PASSWORD}, or the mounted
 * file at {@code <PREFIX>_PASSWORD_FILE}, trimmed, which wins): the launcher's child process
 * inherits them, so engine and plant agree without the secret on a command line.
 *
 * @param username blank: anonymous
 * @param password shown as {@code ****}
 */
public record PlantCredentials(String username, Secret password) {
  /** Anonymous. */
  public static final PlantCredentials NONE = new PlantCredentials("", Secret.NONE);

  public PlantCredentials {
    username = username == null ? "" : username.trim();
    password = password == null ? Secret.NONE : password;
  }

  /** From {@code env}, e.g. prefix {@code VITRUM_MQTT}. */
  public static PlantCredentials fromEnv(Map<String, String> env, String prefix) {
    String file = env.getOrDefault(prefix + "_PASSWORD_FILE", "").trim();
    Secret password;
    if (!file.isEmpty()) {
      try {
        password = Secret.of(Files.readString(Path.of(file), StandardCharsets.UTF_8).trim());
      } catch (IOException e) {
        throw new UncheckedIOException(
            prefix + "_PASSWORD_FILE: cannot read the secret file " + file, e);
      }
    } else {
      password = Secret.of(env.getOrDefault(prefix + "_PASSWORD", ""));
    }
    return new PlantCredentials(env.getOrDefault(prefix + "_USERNAME", ""), password);
  }

  /** Whether a user name is set. */
  public boolean present() {
    return !username.isEmpty();
  }
}
