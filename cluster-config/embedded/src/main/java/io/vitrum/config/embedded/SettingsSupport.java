package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import java.nio.file.Path;

/** Reading helpers shared by the embedded servers' settings. */
final class SettingsSupport {
  private SettingsSupport() {}

  /** {@code path} with a leading {@code ~} expanded to the user's home. */
  static Path expandHome(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + path.substring(1));
    }
    return Path.of(path);
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
}
