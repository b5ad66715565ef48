package io.vitrum.config;

import java.nio.file.Path;

/** Paths in settings may start with {@code ~}, the user's home directory, as in a shell. */
public final class HomePaths {
  private HomePaths() {}

  /** {@code path} with a leading {@code ~} expanded to the user's home. */
  public static Path expand(String path) {
    if (path.equals("~") || path.startsWith("~/")) {
      return Path.of(System.getProperty("user.home") + path.substring(1));
    }
    return Path.of(path);
  }
}
