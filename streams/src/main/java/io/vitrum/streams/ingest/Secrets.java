package io.vitrum.streams.ingest;

import com.typesafe.config.Config;
import io.vitrum.core.security.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the plant-side credentials from configuration: a secret at {@code <key>} (usually from an
 * environment variable such as {@code VITRUM_MQTT_PASSWORD}) or, preferred when both are set, the
 * contents of the file named at {@code <key>-file} ({@code VITRUM_MQTT_PASSWORD_FILE}: a mounted
 * Kubernetes or Docker secret), trimmed of surrounding whitespace and the trailing newline.
 *
 * <p>Errors name the key and the file, never the value.
 */
public final class Secrets {
  private Secrets() {}

  /**
   * The secret at {@code key} of {@code config}, or in the file named at {@code key-file}; {@link
   * Secret#NONE} when neither is set.
   *
   * @throws IllegalArgumentException if the file is named but cannot be read
   */
  public static Secret read(Config config, String key) {
    String fileKey = key + "-file";
    String file = config.hasPath(fileKey) ? config.getString(fileKey).trim() : "";
    if (!file.isEmpty()) {
      return fromFile(Path.of(file), fileKey);
    }
    return config.hasPath(key) ? Secret.of(config.getString(key)) : Secret.NONE;
  }

  /**
   * The trimmed contents of {@code file}.
   *
   * @param what the setting that named the file, for the error message
   * @throws IllegalArgumentException if it cannot be read
   */
  public static Secret fromFile(Path file, String what) {
    try {
      return Secret.of(Files.readString(file, StandardCharsets.UTF_8).trim());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          what
              + ": cannot read the secret file "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }
}
