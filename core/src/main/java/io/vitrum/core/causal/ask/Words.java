package io.vitrum.core.causal.ask;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normalised tokens of a question and which of them a reader has already taken. Normalised
 * means lower case, ё as е, punctuation dropped, except inside a token where it carries meaning:
 * {@code :}, {@code .} and {@code ,} between digits ({@code 14:00}, {@code 14.30}, {@code 1,5}), a
 * hyphen inside a word ({@code из-за}, {@code 2-я}, {@code f-2}); a hyphen or dash between digits
 * or standing alone is its own token {@code -}, {@code №} and {@code #} are the token {@code №}.
 * Apostrophes are dropped ({@code what's} is {@code whats}, {@code F2's} is {@code f2}) and {@code
 * a.m.}/{@code p.m.} become {@code am}/{@code pm}. Immutable: reading returns a new instance.
 */
final class Words {
  private static final Pattern MERIDIEM = Pattern.compile("(?<![\\p{L}])([ap])\\.\\s?m\\.?");

  private final List<String> tokens;
  private final BitSet read;

  private Words(List<String> tokens, BitSet read) {
    this.tokens = tokens;
    this.read = read;
  }

  /** The tokens of {@code text}, none read yet. */
  static Words of(String text) {
    String s = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
    s = MERIDIEM.matcher(s).replaceAll("$1m");
    List<String> tokens = new ArrayList<>();
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char prev = i > 0 ? s.charAt(i - 1) : ' ';
      char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
      boolean inToken = token.length() > 0;
      if (Character.isLetterOrDigit(c)) {
        token.append(c);
      } else if ((c == ':' || c == '.' || c == ',')
          && inToken
          && Character.isDigit(prev)
          && Character.isDigit(next)) {
        token.append(c);
      } else if (c == '-'
          && inToken
          && Character.isLetterOrDigit(prev)
          && Character.isLetterOrDigit(next)
          && !(Character.isDigit(prev) && Character.isDigit(next))) {
        token.append(c);
      } else if ((c == '\'' || c == '’') && inToken && Character.isLetter(next)) {
        if (Character.isDigit(prev) && next == 's') {
          i++;
        }
      } else {
        flush(token, tokens);
        if (c == '-' || c == '–' || c == '—') {
          tokens.add("-");
        } else if (c == '№' || c == '#') {
          tokens.add("№");
        }
      }
    }
    flush(token, tokens);
    return new Words(List.copyOf(tokens), new BitSet());
  }

  private static void flush(StringBuilder token, List<String> tokens) {
    if (token.length() > 0) {
      tokens.add(token.toString());
      token.setLength(0);
    }
  }

  int size() {
    return tokens.size();
  }

  /** Whether the question has no tokens at all. */
  boolean isEmpty() {
    return tokens.isEmpty();
  }

  /** The token at {@code i} if it is there and not yet read, else the empty string. */
  String free(int i) {
    return i >= 0 && i < tokens.size() && !read.get(i) ? tokens.get(i) : "";
  }

  /** These words with tokens {@code [from, to)} read. */
  Words read(int from, int to) {
    BitSet next = (BitSet) read.clone();
    next.set(from, Math.min(to, tokens.size()));
    return new Words(tokens, next);
  }

  /** Tokens {@code [from, to)} joined by spaces, read or not. */
  String text(int from, int to) {
    return String.join(" ", tokens.subList(from, Math.min(to, tokens.size())));
  }

  /** The tokens no reader took, in order. */
  List<String> unread() {
    List<String> unread = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!read.get(i)) {
        unread.add(tokens.get(i));
      }
    }
    return unread;
  }
}
