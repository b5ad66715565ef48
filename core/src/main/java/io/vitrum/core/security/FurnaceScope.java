package io.vitrum.core.security;

import java.util.Set;
import java.util.TreeSet;

/**
 * The furnaces a caller may see: all of them, or a named few. A caller never learns about objects
 * outside its scope: they are reported as not found.
 */
public record FurnaceScope(boolean all, Set<String> furnaces) {
  /** The wildcard that stands for every furnace in a token's furnace claim. */
  public static final String EVERY = "*";

  public FurnaceScope {
    furnaces = Set.copyOf(new TreeSet<>(furnaces));
  }

  public static FurnaceScope everything() {
    return new FurnaceScope(true, Set.of());
  }

  public static FurnaceScope only(Set<String> furnaces) {
    return furnaces.contains(EVERY) ? everything() : new FurnaceScope(false, furnaces);
  }

  /** Whether the furnace {@code furnaceId} is inside the scope. */
  public boolean includes(String furnaceId) {
    return all || furnaces.contains(furnaceId);
  }

  @Override
  public String toString() {
    return all ? EVERY : String.join(",", new TreeSet<>(furnaces));
  }
}
