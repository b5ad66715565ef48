package io.vitrum.core.plant;

import java.util.regex.Pattern;

/** Furnace ids are short names such as {@code F1}: letters, digits, '-' and '_', 1–32 chars. */
public final class FurnaceId {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{1,32}");

  private FurnaceId() {}

  /** Whether {@code id} is a well-formed furnace id. */
  public static boolean isValid(String id) {
    return id != null && FORMAT.matcher(id).matches();
  }
}
