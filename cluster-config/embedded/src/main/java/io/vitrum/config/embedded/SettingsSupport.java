package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import io.vitrum.config.HomePaths;
import java.nio.file.Path;

/** Reading helpers shared by the embedded servers' settings. */
final class SettingsSupport {
  private SettingsSupport() {}

  /** {@code path} with a leading {@code ~} expanded to the user's home. */
  static Path expandHome(String path) {
    return HomePaths.expand(path);
  }

  /**
   * The external endpoint configured at {@code path} ({@code vitrum.kafka.bootstrap-servers}, ...),
   * trimmed; "" when it is empty or the key is absent (the module defining it is not on the
   * classpath).
   */
  static String external(Config config, String path) {
    return config.hasPath(path) ? config.getString(path).trim() : "";
  }

  /** A port setting in 0..65535. */
  static int port(Config config, String path) {
    int port = config.getInt(path);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(path + " out of range: " + port);
    }
    return port;
  }

  /** The string at {@code path}, "" when absent. */
  static String string(Config config, String path) {
    return config.hasPath(path) ? config.getString(path) : "";
  }

  /**
   * A secret at {@code path}, or the trimmed contents of the file at {@code path-file} (which wins
   * when both are set); "" when neither is. The error names the file, never the value.
   */
  static String secret(Config config, String path) {
    String file = string(config, path + "-file").trim();
    if (file.isEmpty()) {
      return string(config, path);
    }
    try {
      return java.nio.file.Files.readString(Path.of(file), java.nio.charset.StandardCharsets.UTF_8)
          .trim();
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(path + "-file: cannot read the secret file " + file, e);
    }
  }
}
