package io.vitrum.http.report;

import io.vitrum.http.report.ShiftReport.Alarm;
import io.vitrum.http.report.ShiftReport.Answer;
import io.vitrum.http.report.ShiftReport.Incident;
import io.vitrum.http.report.ShiftReport.Kpis;
import io.vitrum.http.report.ShiftReport.Quarantine;
import io.vitrum.http.report.ShiftReport.ReasonCount;
import io.vitrum.http.report.ShiftReport.Rejects;
import io.vitrum.http.report.ShiftReport.Section;
import io.vitrum.http.report.ShiftReport.SetpointChange;
import io.vitrum.http.report.ShiftReport.Suspect;
import java.util.List;

/**
 * A shift report as Markdown (CommonMark with GFM tables), for pasting into a logbook or a chat.
 * Every text from the plant (ids, names, reasons, comments) is escaped: it reads as written and
 * never becomes markup, a link or HTML; line breaks in it become spaces.
 */
public final class MarkdownReport {
  private MarkdownReport() {}

  public static String render(ShiftReport r) {
    StringBuilder out = new StringBuilder();
    out.append("# ").append(md(ReportText.title(r))).append("\n\n");
    out.append("**Window:** ").append(md(ReportText.window(r))).append("  \n");
    out.append('*').append(md(ReportText.generated(r))).append("*\n\n");
    kpis(out, r.kpis());
    incidents(out, r.incidents());
    setpoints(out, r.setpointChanges());
    alarms(out, r.alarms());
    quarantine(out, r.quarantine());
    return out.toString();
  }

  private static void kpis(StringBuilder out, Kpis k) {
    out.append("## Production\n\n");
    table(out, List.of("Figure", "Value", "Coverage"));
    for (ReportText.Row row : ReportText.kpis(k)) {
      row(out, List.of(row.figure(), row.value(), row.coverage()));
    }
    out.append("\n### Rejects by class\n\n");
    table(out, List.of("Class", "Rejects", "Per 1000 inspected"));
    for (Rejects rj : k.rejects()) {
      row(
          out,
          List.of(
              rj.defectClass(), ReportText.count(rj.count()), ReportText.number(rj.perThousand())));
    }
    out.append('\n');
  }

  private static void incidents(StringBuilder out, Section<Incident> s) {
    out.append("## Incidents\n\n");
    if (s.items().isEmpty()) {
      out.append('*').append(md(ReportText.empty(s))).append("*\n\n");
      return;
    }
    truncated(out, s);
    for (Incident i : s.items()) {
      out.append("### ").append(md(ReportText.incidentHeading(i))).append("\n\n");
      out.append("- ").append(md(ReportText.opened(i))).append('\n');
      out.append("- Outcome: ").append(md(ReportText.outcome(i))).append('\n');
      if (i.causes().isEmpty()) {
        out.append("- Top causes: *not analysed*\n");
      } else {
        out.append("- Top causes:\n");
        int n = 0;
        for (Suspect c : i.causes()) {
          out.append("  ").append(++n).append(". ").append(md(ReportText.suspect(c))).append('\n');
        }
      }
      if (i.answers().isEmpty()) {
        out.append("- Operator answers: *none*\n");
      } else {
        out.append("- Operator answers:\n");
        for (Answer a : i.answers()) {
          out.append("  - ").append(md(ReportText.answer(a))).append('\n');
        }
      }
      out.append('\n');
    }
  }

  private static void setpoints(StringBuilder out, Section<SetpointChange> s) {
    out.append("## Setpoint changes\n\n");
    if (s.items().isEmpty()) {
      out.append('*').append(md(ReportText.empty(s))).append("*\n\n");
      return;
    }
    truncated(out, s);
    table(out, List.of("At", "Parameter", "From", "To", "Origin", "By", "Reason"));
    for (SetpointChange c : s.items()) {
      row(
          out,
          List.of(
              ReportText.or(c.at(), ""),
              ReportText.or(c.parameter(), ""),
              ReportText.number(c.previous()),
              ReportText.number(c.value()),
              ReportText.or(c.origin(), ""),
              ReportText.or(c.by(), ""),
              ReportText.or(c.reason(), "")));
    }
    out.append('\n');
  }

  private static void alarms(StringBuilder out, Section<Alarm> s) {
    out.append("## Alarms and model alerts\n\n");
    if (s.items().isEmpty()) {
      out.append('*').append(md(ReportText.empty(s))).append("*\n\n");
      return;
    }
    truncated(out, s);
    out.append(md(ReportText.alarmSummary(s.items()))).append("\n\n");
    table(out, List.of("At", "Alarm", "Event", "Severity", "Source", "Message"));
    for (Alarm a : s.items()) {
      row(
          out,
          List.of(
              ReportText.or(a.at(), ""),
              ReportText.or(a.alarmId(), ""),
              ReportText.alarmKind(a),
              ReportText.or(a.severity(), ""),
              ReportText.or(a.source(), ""),
              ReportText.or(a.message(), "")));
    }
    out.append('\n');
  }

  private static void quarantine(StringBuilder out, Quarantine q) {
    out.append("## Quarantined input\n\n");
    out.append(md(ReportText.quarantineSummary(q))).append("\n\n");
    if (!q.byReason().isEmpty()) {
      table(out, List.of("Source", "Reason", "Records"));
      for (ReasonCount c : q.byReason()) {
        row(out, List.of(c.source(), c.reason(), String.valueOf(c.count())));
      }
      out.append('\n');
    }
  }

  private static void truncated(StringBuilder out, Section<?> s) {
    if (s.truncated()) {
      out.append('*').append(md(s.note())).append("*\n\n");
    }
  }

  private static void table(StringBuilder out, List<String> headings) {
    row(out, headings);
    out.append('|');
    for (int i = 0; i < headings.size(); i++) {
      out.append(" --- |");
    }
    out.append('\n');
  }

  private static void row(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String c : cells) {
      out.append(' ').append(md(c)).append(" |");
    }
    out.append('\n');
  }

  /**
   * {@code text} as literal Markdown inline text: every character that could start markup (and the
   * table separator) is backslash-escaped, line breaks and other control characters become spaces.
   */
  static String md(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '&', '~', '!', '{', '}' ->
            out.append('\\').append(c);
        default -> out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    return out.toString();
  }
}
