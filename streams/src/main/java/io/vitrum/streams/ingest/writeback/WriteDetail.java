package io.vitrum.streams.ingest.writeback;

import io.vitrum.core.plant.FreeText;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns a protocol library's error into a detail the furnace accepts ({@link FreeText}): one line,
 * well-formed, at most {@link FreeText#REASON_MAX} characters, so that an odd error message is
 * shortened rather than refused.
 */
final class WriteDetail {
  private WriteDetail() {}

  /** The message of {@code failure} without the future's wrappers, or its type if it has none. */
  static String message(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    String message = cause.getMessage();
    return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
  }

  /** {@code text} with control characters as spaces, lone surrogates as '?', then shortened. */
  static String bounded(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), FreeText.REASON_MAX));
    for (int i = 0; i < text.length() && out.length() <= FreeText.REASON_MAX; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('?');
      } else if (Character.isISOControl(c)) {
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    if (out.length() <= FreeText.REASON_MAX) {
      return out.toString();
    }
    int end = FreeText.REASON_MAX - 1;
    if (Character.isHighSurrogate(out.charAt(end - 1))) {
      end--;
    }
    return out.substring(0, end) + "\u2026";
  }
}
