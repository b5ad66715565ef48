package io.vitrum.core.plant;

import java.util.regex.Pattern;

/**
 * Sensor tag ids have the form {@code <furnace>.<area>.<point>} with optional further segments,
 * e.g. {@code F1.crown.T3} or {@code F1.regen.L.top}: letters, digits, '-' and '_' in each segment,
 * at most 128 characters. The first segment is always the furnace id.
 */
public final class TagId {
  private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+){2,7}");

  private TagId() {}

  /** Whether {@code tag} is a well-formed tag id. */
  public static boolean isValid(String tag) {
    return tag != null && tag.length() <= 128 && FORMAT.matcher(tag).matches();
  }

  /** The furnace id of a valid tag: its first segment. */
  public static String furnaceOf(String tag) {
    return tag.substring(0, tag.indexOf('.'));
  }

  /** Builds a tag id from its segments, e.g. {@code of("F1", "crown", "T3")}. */
  public static String of(String furnace, String... segments) {
    String tag = furnace + "." + String.join(".", segments);
    if (!isValid(tag)) {
      throw new IllegalArgumentException("not a valid tag id: " + tag);
    }
    return tag;
  }
}
