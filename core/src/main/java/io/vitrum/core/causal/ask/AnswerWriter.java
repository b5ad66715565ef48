package io.vitrum.core.causal.ask;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the answer to a question from the incidents it concerns: for "why", the newest incident's
 * ranked causes with their shares and the strongest evidence; for "status" and "incidents", the
 * incidents of the window. Times are shown in the plant's zone. Pure: the facts come from the
 * caller.
 */
public final class AnswerWriter {
  private static final int CAUSES_SHOWN = 3;
  private static final int INCIDENTS_SHOWN = 5;

  private final DateTimeFormatter clock;

  public AnswerWriter(ZoneId zone) {
    this.clock = DateTimeFormatter.ofPattern("dd.MM HH:mm", Locale.ROOT).withZone(zone);
  }

  /** The answer to {@code question} given {@code incidents} of its window, newest first. */
  public Answer write(Question question, List<IncidentFact> incidents) {
    boolean ru = question.language() == Language.RU;
    List<String> links = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    String subject = subject(question, ru);
    String window = clock.format(question.from()) + "–" + clock.format(question.to());
    if (incidents.isEmpty()) {
      text.append(
          ru
              ? subject
                  + ": с "
                  + window
                  + " инцидентов не было; показатели в норме по данным Vitrum."
              : subject + ": no incident from " + window + "; nothing crossed its threshold.");
      return new Answer(question.language(), text.toString(), links);
    }
    if (question.intent() == Intent.WHY) {
      IncidentFact newest = incidents.get(0);
      links.add("/api/incidents/" + newest.id() + "/root-causes");
      text.append(ru ? subject + ": инцидент " : subject + ": incident ")
          .append(newest.id())
          .append(ru ? ", открыт " : ", opened ")
          .append(clock.format(newest.openedAt()))
          .append(
              newest.open()
                  ? (ru ? " (открыт сейчас)" : " (still open)")
                  : (ru ? " (закрыт)" : " (closed)"))
          .append(". ");
      if (newest.causes().isEmpty()) {
        text.append(
            ru ? "Анализ причин ещё не готов." : "Its root-cause analysis is not ready yet.");
      } else {
        text.append(ru ? "Вероятные причины: " : "Likely causes: ");
        for (int i = 0; i < Math.min(CAUSES_SHOWN, newest.causes().size()); i++) {
          IncidentFact.CauseFact c = newest.causes().get(i);
          text.append(i + 1)
              .append(") ")
              .append(ru ? c.nameRu() : c.name())
              .append(String.format(Locale.ROOT, " — %.0f %%", 100 * c.score()));
          if (i == 0 && c.evidence() != null) {
            text.append(ru ? " (признак: " : " (evidence: ").append(c.evidence()).append(')');
          }
          text.append(i + 1 < Math.min(CAUSES_SHOWN, newest.causes().size()) ? "; " : ".");
        }
      }
      if (incidents.size() > 1) {
        text.append(ru ? " Ещё инцидентов в этом окне: " : " Other incidents in this window: ")
            .append(incidents.size() - 1)
            .append('.');
      }
      return new Answer(question.language(), text.toString(), links);
    }
    text.append(subject)
        .append(ru ? ", " + window + ": инцидентов " : ", " + window + ": ")
        .append(incidents.size())
        .append(ru ? ". " : incidents.size() == 1 ? " incident. " : " incidents. ");
    for (int i = 0; i < Math.min(INCIDENTS_SHOWN, incidents.size()); i++) {
      IncidentFact f = incidents.get(i);
      links.add("/api/incidents/" + f.id());
      text.append(f.id())
          .append(" (")
          .append(
              f.defect().equals("anomaly")
                  ? f.tag()
                  : Phrases.defectName(f.defect(), question.language()))
          .append(", ")
          .append(clock.format(f.openedAt()))
          .append(", ")
          .append(f.open() ? (ru ? "открыт" : "open") : (ru ? "закрыт" : "closed"));
      if (!f.causes().isEmpty()) {
        IncidentFact.CauseFact top = f.causes().get(0);
        text.append(ru ? ", причина: " : ", cause: ")
            .append(ru ? top.nameRu() : top.name())
            .append(String.format(Locale.ROOT, " %.0f %%", 100 * top.score()));
      }
      text.append(i + 1 < Math.min(INCIDENTS_SHOWN, incidents.size()) ? "); " : ").");
    }
    return new Answer(question.language(), text.toString(), links);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String subject(Question q, boolean ru) {
    String defect =
        q.defect()
            .map(d -> capitalised(Phrases.defectName(d, q.language())))
            .orElse(ru ? "Все дефекты" : "All defects");
    String furnace =
        q.furnace().map(f -> (ru ? " на " : " on ") + f).orElse(ru ? " по заводу" : " plant-wide");
    return defect + furnace;
  }
}
