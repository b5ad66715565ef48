package io.vitrum.core.causal.ask;

import io.vitrum.core.causal.ask.ParseOutcome.NotUnderstood;
import io.vitrum.core.causal.ask.ParseOutcome.Parsed;
import io.vitrum.core.causal.ask.Problem.EmptyText;
import io.vitrum.core.causal.ask.Problem.NoQuestion;
import io.vitrum.core.causal.ask.Problem.SeveralDefects;
import io.vitrum.core.causal.ask.Problem.SeveralFurnaces;
import io.vitrum.core.causal.ask.Problem.TooLong;
import io.vitrum.core.causal.ask.Problem.UnknownDefect;
import io.vitrum.core.causal.ask.Problem.UnknownFurnace;
import io.vitrum.core.causal.ask.Problem.UnreadableTime;
import io.vitrum.core.causal.ask.TimeExpressions.TimeReading;
import io.vitrum.core.causal.ask.TimeExpressions.Window;
import io.vitrum.core.causal.ask.TrendWords.Trend;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Turns an operator's question in Russian or English into a {@link Question}, or says which parts
 * it did not understand, in the question's language. Offline and deterministic: the moment of the
 * question is an argument, nothing reads the clock.
 *
 * <p>The text is normalised into tokens (lower case, ё as е, punctuation dropped) and read in this
 * order, each reader taking its words: furnaces ({@link FurnaceMentions}), time ({@link
 * TimeExpressions}), defects ({@link DefectVocabulary}), intent cues ({@link IntentCues}) and rise
 * or fall words ({@link TrendWords}); what remains that is not a stop word is not understood. The
 * question is not understood when it is empty or longer than {@link #MAX_LENGTH}, names a furnace
 * that is not configured or several furnaces, has a time expression that cannot be read, names
 * several defects, has words where a defect is expected but names none, or names no defect, no
 * furnace and asks nothing recognisable. Otherwise words left over are listed in {@link
 * Question#notUnderstood()} and the question is answered.
 *
 * <p>With no cue the intent is {@link Intent#WHY} when a defect is named with a rise, else {@link
 * Intent#STATUS}; with no time the window is {@code defaultWindow} up to now.
 */
public final class QuestionParser {
  /** Longest question read, in UTF-16 characters. */
  public static final int MAX_LENGTH = 500;

  private final Set<String> knownFurnaces;
  private final List<String> sortedFurnaces;
  private final ZoneId zone;
  private final Duration defaultWindow;

  /**
   * @param knownFurnaces the configured furnace ids, e.g. {@code F1, F2, F3}; matched ignoring case
   * @param zone the plant's zone, in which clock times and days are read
   * @param defaultWindow the window of a question that gives none, ending when it is asked
   */
  public QuestionParser(Set<String> knownFurnaces, ZoneId zone, Duration defaultWindow) {
    this.knownFurnaces = Set.copyOf(knownFurnaces);
    this.sortedFurnaces = this.knownFurnaces.stream().sorted().toList();
    this.zone = Objects.requireNonNull(zone, "zone");
    this.defaultWindow = Objects.requireNonNull(defaultWindow, "defaultWindow");
    if (defaultWindow.isNegative() || defaultWindow.isZero()) {
      throw new IllegalArgumentException("default window must be positive: " + defaultWindow);
    }
  }

  /** What {@code text}, asked at {@code now}, asks; {@code null} reads as an empty text. */
  public ParseOutcome parse(String text, Instant now) {
    Objects.requireNonNull(now, "now");
    Language language = Language.of(text);
    if (text == null || text.isBlank()) {
      return NotUnderstood.of(language, List.of(new EmptyText()));
    }
    if (text.length() > MAX_LENGTH) {
      return NotUnderstood.of(language, List.of(new TooLong(text.length(), MAX_LENGTH)));
    }
    Words words = Words.of(text);
    if (words.isEmpty()) {
      return NotUnderstood.of(language, List.of(new EmptyText()));
    }
    ZonedDateTime local = now.atZone(zone);
    Reading<List<FurnaceMentions.Mention>> furnaces = FurnaceMentions.read(words, knownFurnaces);
    Reading<TimeReading> time = TimeExpressions.read(furnaces.rest(), local);
    Reading<List<DefectVocabulary.Mention>> defects = DefectVocabulary.read(time.rest());
    Reading<Optional<Intent>> cue = IntentCues.read(defects.rest());
    Reading<Optional<Trend>> trend = TrendWords.read(cue.rest());
    List<String> leftover =
        trend.rest().unread().stream().filter(w -> !StopWords.contains(w)).toList();

    List<Problem> problems = new ArrayList<>();
    List<String> furnaceIds = new ArrayList<>();
    for (FurnaceMentions.Mention mention : furnaces.value()) {
      if (!mention.known()) {
        problems.add(new UnknownFurnace(mention.fragment(), mention.id(), sortedFurnaces));
      } else if (!furnaceIds.contains(mention.id())) {
        furnaceIds.add(mention.id());
      }
    }
    if (furnaceIds.size() > 1) {
      problems.add(new SeveralFurnaces(furnaceIds));
    }
    time.value().unreadable().forEach(fragment -> problems.add(new UnreadableTime(fragment)));
    List<String> defectClasses =
        defects.value().stream().map(DefectVocabulary.Mention::defect).distinct().toList();
    if (defectClasses.size() > 1) {
      problems.add(new SeveralDefects(defectClasses));
    }
    boolean askedSomething =
        !defectClasses.isEmpty()
            || !furnaces.value().isEmpty()
            || cue.value().isPresent()
            || trend.value().isPresent();
    if (!askedSomething) {
      problems.add(new NoQuestion(String.join(" ", leftover)));
    } else if (defectClasses.isEmpty() && !leftover.isEmpty()) {
      problems.add(new UnknownDefect(String.join(" ", leftover)));
    }
    if (!problems.isEmpty()) {
      return NotUnderstood.of(language, problems);
    }

    Optional<String> defect = defectClasses.stream().findFirst();
    Intent intent =
        cue.value()
            .orElse(
                defect.isPresent() && trend.value().equals(Optional.of(Trend.RISE))
                    ? Intent.WHY
                    : Intent.STATUS);
    Optional<Window> given = time.value().window();
    Window window = given.orElse(new Window(now.minus(defaultWindow), now));
    return new Parsed(
        new Question(
            language,
            intent,
            defect,
            furnaceIds.stream().findFirst(),
            window.from(),
            window.to(),
            given.isPresent(),
            leftover));
  }
}
