package io.vitrum.core.causal.ask;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A word by its stem and the endings it takes: a token matches when it is the stem followed by
 * exactly one of the endings. Written {@code камн|я|ю|ем|е|и|ей|ям|ями|ях}; an empty ending is
 * written as an empty alternative ({@code скол||ы|ов}) and a spec without {@code |} is one exact
 * word. Listing the endings, rather than taking any word that starts with the stem, covers every
 * case form without listing each and keeps unrelated words out: "камера" is not a stone, "сколько"
 * is not a chip.
 */
record Stem(String stem, Set<String> endings) {
  Stem {
    endings = Set.copyOf(endings);
  }

  /** The stem written as {@code stem|ending|ending}. */
  static Stem parse(String spec) {
    String[] parts = spec.split("\\|", -1);
    if (parts.length == 1) {
      return new Stem(spec, Set.of(""));
    }
    List<String> endings = Arrays.asList(parts).subList(1, parts.length);
    return new Stem(parts[0], Set.copyOf(endings));
  }

  /** Whether {@code token}, normalised, is a form of this word. */
  boolean matches(String token) {
    return !token.isEmpty()
        && token.startsWith(stem)
        && endings.contains(token.substring(stem.length()));
  }
}
