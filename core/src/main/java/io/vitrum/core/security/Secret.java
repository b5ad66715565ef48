package io.vitrum.core.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A credential (password, JAAS line, keystore password) that must never be logged or echoed: its
 * {@link #toString()} is {@code ****} whatever it holds, so a settings record that carries one can
 * be logged whole. Only {@link #reveal()} gives the value, and only the code that hands it to a
 * client library should call it. Immutable; equality compares the values in constant time.
 */
public final class Secret {
  /** No secret: the empty value. */
  public static final Secret NONE = new Secret("");

  private static final String MASK = "****";

  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /** A secret holding {@code value} ({@link #NONE} for an empty one). */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "value");
    return value.isEmpty() ? NONE : new Secret(value);
  }

  /** The value itself, for the one call that hands it to a client library. */
  public String reveal() {
    return value;
  }

  /** The value as a fresh array (Paho and keystores take {@code char[]}). */
  public char[] revealChars() {
    return value.toCharArray();
  }

  /** Whether no value is set. */
  public boolean isEmpty() {
    return value.isEmpty();
  }

  /** Always {@code ****}: never the value, not even its length. */
  @Override
  public String toString() {
    return MASK;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret s
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), s.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
