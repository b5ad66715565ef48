package io.vitrum.core.causal.ask;

import java.util.Arrays;
import java.util.List;

/**
 * A sequence of words, each a {@link Stem}, e.g. {@code из-за чего} or {@code газов|ые|ых
 * включени|е|я|й}: words separated by spaces, each written as a stem spec.
 */
record Phrase(List<Stem> words) {
  Phrase {
    words = List.copyOf(words);
  }

  static Phrase parse(String spec) {
    return new Phrase(Arrays.stream(spec.trim().split(" +")).map(Stem::parse).toList());
  }

  /** Every phrase of {@code specs}, in order. */
  static List<Phrase> all(String... specs) {
    return Arrays.stream(specs).map(Phrase::parse).toList();
  }

  /** How many tokens this phrase covers at {@code i} in {@code words}; 0 when it does not match. */
  int matchAt(Words tokens, int i) {
    for (int k = 0; k < words.size(); k++) {
      if (!words.get(k).matches(tokens.free(i + k))) {
        return 0;
      }
    }
    return words.size();
  }

  /** The tokens the longest of {@code phrases} covers at {@code i}; 0 when none matches. */
  static int longestAt(List<Phrase> phrases, Words tokens, int i) {
    int longest = 0;
    for (Phrase phrase : phrases) {
      longest = Math.max(longest, phrase.matchAt(tokens, i));
    }
    return longest;
  }
}
