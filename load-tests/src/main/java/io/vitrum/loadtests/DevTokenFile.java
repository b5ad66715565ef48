package io.vitrum.loadtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bearer token a generator sends: {@code VITRUM_TOKEN} if set, else the local profile's admin
 * token in {@code VITRUM_DEV_TOKEN_FILE} or {@code ~/.vitrum/dev-token}.
 */
public final class DevTokenFile {
  private DevTokenFile() {}

  /** Where the local profile writes its admin token. */
  public static Path path() {
    String file = System.getenv("VITRUM_DEV_TOKEN_FILE");
    return file != null && !file.isBlank()
        ? Path.of(file)
        : Path.of(System.getProperty("user.home"), ".vitrum", "dev-token");
  }

  /** The token to send. */
  public static String token() {
    String token = System.getenv("VITRUM_TOKEN");
    if (token != null && !token.isBlank()) {
      return token.strip();
    }
    return read(path());
  }

  /** The token in {@code file}. */
  public static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "no token: set VITRUM_TOKEN or start the local profile, which writes " + file, e);
    }
  }

  /** The value of an {@code Authorization} header with the token. */
  public static String authorization() {
    return "Bearer " + token();
  }
}
