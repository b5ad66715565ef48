package io.vitrum.loadtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bearer token an HTTP load generator sends: from {@code --token-file} when given, else from
 * the environment variable {@code VITRUM_TOKEN}, else from the file the local profile writes at
 * start ({@code VITRUM_DEV_TOKEN_FILE}, default {@code ~/.vitrum/dev-token}).
 */
public final class BearerToken {
  private BearerToken() {}

  /** Where the local profile writes its admin token. */
  public static Path defaultFile() {
    String file = System.getenv("VITRUM_DEV_TOKEN_FILE");
    if (file != null && !file.isBlank()) {
      return Path.of(file);
    }
    return Path.of(System.getProperty("user.home"), ".vitrum", "dev-token");
  }

  /** The token: from {@code file} when not null, else as the class comment says. */
  public static String resolve(Path file) {
    if (file == null) {
      String env = System.getenv("VITRUM_TOKEN");
      if (env != null && !env.isBlank()) {
        return check(env.strip(), "VITRUM_TOKEN");
      }
      file = defaultFile();
    }
    try {
      return check(Files.readString(file).strip(), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read the bearer token from "
              + file
              + " (start http/bin/vitrum-local, or pass --token-file or VITRUM_TOKEN): "
              + e.getMessage());
    }
  }

  /** The value of an {@code Authorization} header with the token found as the class says. */
  public static String authorization() {
    return "Bearer " + resolve(null);
  }

  private static String check(String token, String source) {
    if (token.isEmpty()) {
      throw new IllegalArgumentException("no bearer token in " + source);
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c >= 127) {
        throw new IllegalArgumentException("the bearer token in " + source + " is not a JWT");
      }
    }
    return token;
  }
}
