package io.vitrum.http.errors;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Correlation ids: a caller's id is kept when it is safe to echo ({@code [A-Za-z0-9._:-]{1,64}}),
 * anything else is replaced by a fresh one.
 *
 * <p>Fresh ids are random version-4 UUIDs drawn from {@link ThreadLocalRandom} rather than {@link
 * UUID#randomUUID()}: they only need to be unique, not unguessable, and the secure generator was a
 * measurable cost per request.
 */
public final class CorrelationIds {
  private static final int MAX_LENGTH = 64;

  private CorrelationIds() {}

  /** {@code given} when it is a safe id, otherwise a fresh one. */
  public static String acceptOrFresh(Optional<String> given) {
    return given.isPresent() && isSafe(given.get()) ? given.get() : fresh();
  }

  /** A new id, unique with overwhelming probability, in the canonical UUID text form. */
  public static String fresh() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC0L << 56)) | (0x80L << 56); // IETF variant
    return new UUID(high, low).toString();
  }

  /** Whether {@code id} may be echoed back: 1-64 letters, digits, '.', '_', ':' or '-'. */
  public static boolean isSafe(String id) {
    int length = id.length();
    if (length == 0 || length > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == ':'
              || c == '-';
      if (!safe) {
        return false;
      }
    }
    return true;
  }
}
