package io.vitrum.http.routes;

import io.vitrum.core.history.Aggregate;
import io.vitrum.core.history.Resolution;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.streams.history.HistorySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The query of a history request: {@code from} and {@code to} (ISO-8601 instants; default the last
 * hour), {@code step} ({@code raw}, {@code 1m}, {@code 1h} or {@code auto}, the default: the
 * coarsest that still gives {@code auto-min-points}), {@code agg} (which rollup aggregate is a
 * point's {@code value}: {@code mean}, the default, {@code min}, {@code max}, {@code last}) and
 * {@code limit} (page size; without it a range holding more than the most points one answer carries
 * is refused).
 *
 * @param from start (inclusive)
 * @param to end (exclusive)
 * @param step the resolution
 * @param aggregate the value of rollup points
 * @param limit the page size, if asked
 */
record HistoryParameters(
    Instant from, Instant to, Resolution step, Aggregate aggregate, OptionalInt limit) {

  static HistoryParameters parse(
      Map<String, String> params, HistorySettings.Query settings, Clock clock) {
    Instant to = instant(params, "to", clock.instant());
    Instant from = instant(params, "from", to.minus(Duration.ofHours(1)));
    if (!from.isBefore(to)) {
      throw invalid("from (" + from + ") must be before to (" + to + ")");
    }
    Duration range = Duration.between(from, to);
    if (range.compareTo(settings.maxRange()) > 0) {
      throw invalid("from and to may be at most " + settings.maxRange().toDays() + " days apart");
    }
    String stepText = params.getOrDefault("step", "auto");
    Resolution step =
        stepText.equals("auto")
            ? Resolution.coarsestWithAtLeast(range, settings.autoMinPoints())
            : Resolution.parse(stepText)
                .orElseThrow(
                    () -> invalid("step '" + stepText + "' is not one of raw, 1m, 1h, auto"));
    if (step == Resolution.RAW && range.compareTo(settings.maxRawRange()) > 0) {
      throw invalid(
          "raw points may span at most "
              + settings.maxRawRange().toDays()
              + " days: choose step=1m or 1h for a longer range");
    }
    String aggText = params.getOrDefault("agg", "mean");
    Aggregate aggregate =
        Aggregate.parse(aggText)
            .orElseThrow(() -> invalid("agg '" + aggText + "' is not one of mean, min, max, last"));
    OptionalInt limit = OptionalInt.empty();
    if (params.containsKey("limit")) {
      int n;
      try {
        n = Integer.parseInt(params.get("limit"));
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 1 || n > settings.maxPoints()) {
        throw invalid("limit must be an integer from 1 to " + settings.maxPoints());
      }
      limit = OptionalInt.of(n);
    }
    return new HistoryParameters(from, to, step, aggregate, limit);
  }

  /** The ISO-8601 instant {@code name} of the query, or {@code otherwise} when it is absent. */
  static Instant instant(Map<String, String> params, String name, Instant otherwise) {
    String text = params.get(name);
    if (text == null) {
      return otherwise;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw invalid(name + " must be an ISO-8601 instant such as 2026-12-01T10:00:00Z");
    }
  }

  /** 422 {@code invalid-parameter} with {@code detail}. */
  static ProblemException invalid(String detail) {
    return new ProblemException(Problem.of(422, "invalid-parameter", "Invalid parameter", detail));
  }
}
