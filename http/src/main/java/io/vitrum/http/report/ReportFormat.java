package io.vitrum.http.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The forms of a shift report: JSON (the default), Markdown and a printable HTML page. Chosen by
 * {@code ?format=} when given, else by the {@code Accept} header: the acceptable form with the
 * highest quality, a form named exactly winning over one matched by a wildcard, then the header's
 * order; none acceptable is none (406).
 */
public enum ReportFormat {
  JSON("application", "json"),
  MARKDOWN("text", "markdown"),
  HTML("text", "html");

  private final String type;
  private final String subtype;

  ReportFormat(String type, String subtype) {
    this.type = type;
    this.subtype = subtype;
  }

  /** Its media type, e.g. {@code text/markdown}. */
  public String mediaType() {
    return type + "/" + subtype;
  }

  /** The form named {@code name} in {@code ?format=}: json, markdown (or md), html. */
  public static Optional<ReportFormat> named(String name) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "json" -> Optional.of(JSON);
      case "markdown", "md" -> Optional.of(MARKDOWN);
      case "html" -> Optional.of(HTML);
      default -> Optional.empty();
    };
  }

  /** The form {@code accept} (an {@code Accept} header, null when absent) asks for. */
  public static Optional<ReportFormat> negotiate(String accept) {
    if (accept == null || accept.isBlank()) {
      return Optional.of(JSON);
    }
    ReportFormat best = null;
    double bestQuality = 0;
    int bestSpecificity = -1;
    int bestPosition = Integer.MAX_VALUE;
    for (ReportFormat f : values()) {
      double quality = -1;
      int specificity = -1;
      int position = Integer.MAX_VALUE;
      String[] ranges = accept.split(",");
      for (int i = 0; i < ranges.length; i++) {
        String[] parts = ranges[i].split(";");
        String range = parts[0].trim().toLowerCase(Locale.ROOT);
        int s = f.matches(range);
        // The most specific range that matches decides the quality (RFC 9110, 12.5.1).
        if (s > specificity) {
          specificity = s;
          quality = quality(parts);
          position = i;
        }
      }
      boolean better =
          quality > bestQuality
              || (quality == bestQuality
                  && quality > 0
                  && (specificity > bestSpecificity
                      || (specificity == bestSpecificity && position < bestPosition)));
      if (specificity >= 0 && quality > 0 && (best == null || better)) {
        best = f;
        bestQuality = quality;
        bestSpecificity = specificity;
        bestPosition = position;
      }
    }
    return Optional.ofNullable(best);
  }

  /** 2: the range names this form; 1: its type with a wildcard; 0: any; -1: no match. */
  private int matches(String range) {
    if (range.equals("*/*") || range.equals("*")) {
      return 0;
    }
    if (range.equals(type + "/*")) {
      return 1;
    }
    return range.equals(mediaType()) ? 2 : -1;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 2 && (p.charAt(0) == 'q' || p.charAt(0) == 'Q') && p.charAt(1) == '=') {
        try {
          double q = Double.parseDouble(p.substring(2).trim());
          return q >= 0 && q <= 1 ? q : 0;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }
}
