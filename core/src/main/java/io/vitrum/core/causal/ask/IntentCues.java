package io.vitrum.core.causal.ask;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The words that say what a question asks. When cues of several intents appear the strongest wins:
 * {@link Intent#WHY} over {@link Intent#INCIDENTS} over {@link Intent#STATUS}, so "почему ... что
 * случилось" asks why.
 */
final class IntentCues {
  private static final List<Phrase> WHY =
      Phrase.all(
          "почему",
          "отчего",
          "из-за чего",
          "из за чего",
          "причин||а|ы|у|ой|е|ам|ами|ах",
          "в чем дело",
          "с чем связан||о|ы|а",
          "что вызвало",
          "что вызывает",
          "откуда",
          "why",
          "how come",
          "caus|e|es|ed|ing",
          "reason||s",
          "root caus|e|es");
  private static final List<Phrase> INCIDENTS =
      Phrase.all(
          "инцидент||ы|а|ов|ам|ами|ах|у|ом|е",
          "что случилось",
          "что произошло",
          "событи|е|я|й|ям|ями|ях",
          "авари|я|и|й|ям|ями|ях|ю",
          "тревог|а|и|у",
          "incident||s",
          "what happened",
          "what has happened",
          "whats happened",
          "anything happen||ed",
          "event||s",
          "alarm||s",
          "list");
  private static final List<Phrase> STATUS =
      Phrase.all(
          "что с||о",
          "что по",
          "как дела",
          "как там",
          "как обстоят дела",
          "как обстоит дело",
          "как обстановка",
          "какая обстановка",
          "состояни|е|я|ю|ем|и",
          "ситуаци|я|и|ю|ей",
          "обстановк|а|у|е|и",
          "статус||а|е|у|ом",
          "whats with",
          "what is with",
          "whats up with",
          "what is up with",
          "whats going on",
          "what is going on",
          "whats happening",
          "what is happening",
          "what about",
          "how about",
          "hows",
          "how is",
          "how are",
          "status",
          "state",
          "situation",
          "overview");

  private IntentCues() {}

  /** The intent the cue words of {@code words} give, if any, and the words left. */
  static Reading<Optional<Intent>> read(Words words) {
    Set<Intent> cued = EnumSet.noneOf(Intent.class);
    Words rest = words;
    for (int i = 0; i < rest.size(); i++) {
      for (Intent intent : List.of(Intent.WHY, Intent.INCIDENTS, Intent.STATUS)) {
        int n = Phrase.longestAt(cues(intent), rest, i);
        if (n > 0) {
          cued.add(intent);
          rest = rest.read(i, i + n);
          i += n - 1;
          break;
        }
      }
    }
    Optional<Intent> intent =
        cued.contains(Intent.WHY)
            ? Optional.of(Intent.WHY)
            : cued.contains(Intent.INCIDENTS)
                ? Optional.of(Intent.INCIDENTS)
                : cued.stream().findFirst();
    return new Reading<>(intent, rest);
  }

  private static List<Phrase> cues(Intent intent) {
    return switch (intent) {
      case WHY -> WHY;
      case INCIDENTS -> INCIDENTS;
      case STATUS -> STATUS;
    };
  }
}
