package io.vitrum.core.causal.ask;

import io.vitrum.core.plant.FurnaceTags;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An operator's question as the engine answers it.
 *
 * @param language the language of the question, and of the answer
 * @param intent what is asked
 * @param defect an inspection reject class of {@link FurnaceTags#REJECT_CLASSES} ({@code crack},
 *     {@code bubble}, {@code stone}, {@code chip}); empty when the question names none
 * @param furnace a known furnace id as configured, e.g. {@code F2}; empty when the question names
 *     none
 * @param from start of the window, inclusive
 * @param to end of the window, exclusive; never after the moment the question was asked
 * @param timeGiven whether the question gave the window; when not, the window is the parser's
 *     default one ending when the question was asked
 * @param notUnderstood the words left over that look meaningful (not stop words), normalised (lower
 *     case, ё as е); empty when every word was understood
 */
public record Question(
    Language language,
    Intent intent,
    Optional<String> defect,
    Optional<String> furnace,
    Instant from,
    Instant to,
    boolean timeGiven,
    List<String> notUnderstood) {
  public Question {
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(defect, "defect");
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("window starts after it ends: " + from + " > " + to);
    }
    defect.ifPresent(
        d -> {
          if (!FurnaceTags.REJECT_CLASSES.contains(d)) {
            throw new IllegalArgumentException("not a reject class: " + d);
          }
        });
    notUnderstood = List.copyOf(notUnderstood);
  }
}
