package io.vitrum.core.causal.ask;

/**
 * The language of a question and of the answer to it. Read from the script alone: any Cyrillic
 * letter makes the question Russian, everything else (Latin letters, digits only, an empty text) is
 * English.
 */
public enum Language {
  RU,
  EN;

  /**
   * The language of {@code text}: {@link #RU} when it holds a Cyrillic letter, else {@link #EN}.
   */
  public static Language of(String text) {
    if (text == null) {
      return EN;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c)
          && Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
        return RU;
      }
    }
    return EN;
  }
}
