package io.vitrum.http.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The HS256 signing secret: 32 random bytes, base64 in a file readable only by its owner. Never
 * logged; {@link #toString()} hides it.
 */
public final class HsSecret {
  private static final int BYTES = 32;
  private final byte[] bytes;

  private HsSecret(byte[] bytes) {
    if (bytes.length < BYTES) {
      throw new IllegalArgumentException("an HS256 secret needs at least 32 bytes");
    }
    this.bytes = bytes.clone();
  }

  /** A fresh random secret. */
  public static HsSecret random() {
    byte[] b = new byte[BYTES];
    new SecureRandom().nextBytes(b);
    return new HsSecret(b);
  }

  /** The secret in {@code file}; created first when missing and {@code generate} is on. */
  public static HsSecret load(Path file, boolean generate) {
    try {
      if (!Files.exists(file)) {
        if (!generate) {
          throw new IllegalStateException(
              "no HS256 secret at " + file + " (vitrum.auth.hs256.secret-file)");
        }
        HsSecret fresh = random();
        writePrivately(file, Base64.getEncoder().encodeToString(fresh.bytes));
        return fresh;
      }
      return new HsSecret(Base64.getDecoder().decode(Files.readString(file).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the HS256 secret " + file, e);
    }
  }

  /** Writes {@code text} to {@code file}, readable and writable only by its owner. */
  static void writePrivately(Path file, String text) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".vitrum", ".tmp");
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the directory's permissions apply.
    }
    Files.writeString(tmp, text, StandardOpenOption.TRUNCATE_EXISTING);
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  byte[] bytes() {
    return bytes.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HsSecret other && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "HsSecret(****)";
  }
}
