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
 * A shift report as one self-contained HTML page, made to be printed (or saved as PDF from the
 * browser's print dialog: the server renders no PDF): inline CSS with print rules, no scripts, no
 * external resources. Every text is HTML-escaped, so nothing from the plant can become markup.
 */
public final class HtmlReport {
  /**
   * The {@code Content-Security-Policy} that suits the page: nothing may load, only its inline
   * style applies.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'";

  private static final String STYLE =
      """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2b36;\
      margin:1.5rem auto;max-width:60rem;padding:0 1rem;font-size:14px;line-height:1.4}
      h1{font-size:1.6rem;margin:0 0 .2rem}
      h2{font-size:1.2rem;border-bottom:2px solid #1d2b36;padding-bottom:.15rem;margin-top:1.6rem}
      h3{font-size:1rem;margin:1rem 0 .3rem}
      p.meta{margin:.1rem 0;color:#46606f}
      table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem}
      th,td{border:1px solid #b8c6cf;padding:.25rem .45rem;text-align:left;vertical-align:top}
      th{background:#eef3f6}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      .none{color:#6b808c;font-style:italic}
      .incident{border-left:4px solid #c0392b;padding:.1rem .8rem;margin:.6rem 0}
      .incident.closed{border-left-color:#2e7d32}
      ul,ol{margin:.2rem 0 .4rem 1.2rem;padding:0}
      @page{size:A4;margin:14mm}
      @media print{body{margin:0;max-width:none;font-size:11px}\
      h2{break-after:avoid}table,.incident{break-inside:avoid}}
      """;

  private HtmlReport() {}

  public static String render(ShiftReport r) {
    StringBuilder out = new StringBuilder(8192);
    out.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>")
        .append(h(ReportText.title(r) + ", " + r.from() + " to " + r.to()))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style></head>\n<body>\n");
    out.append("<h1>").append(h(ReportText.title(r))).append("</h1>\n");
    out.append("<p class=\"meta\"><strong>Window:</strong> ")
        .append(h(ReportText.window(r)))
        .append("</p>\n");
    out.append("<p class=\"meta\">").append(h(ReportText.generated(r))).append("</p>\n");
    kpis(out, r.kpis());
    incidents(out, r.incidents());
    setpoints(out, r.setpointChanges());
    alarms(out, r.alarms());
    quarantine(out, r.quarantine());
    out.append("</body></html>\n");
    return out.toString();
  }

  private static void kpis(StringBuilder out, Kpis k) {
    out.append("<h2>Production</h2>\n<table><thead>");
    headings(out, List.of("Figure", "Value", "Coverage"));
    out.append("</thead><tbody>\n");
    for (ReportText.Row row : ReportText.kpis(k)) {
      out.append("<tr><th scope=\"row\">").append(h(row.figure())).append("</th>");
      cell(out, row.value());
      cell(out, row.coverage());
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n<h3>Rejects by class</h3>\n<table><thead>");
    headings(out, List.of("Class", "Rejects", "Per 1000 inspected"));
    out.append("</thead><tbody>\n");
    for (Rejects rj : k.rejects()) {
      out.append("<tr>");
      cell(out, rj.defectClass());
      number(out, ReportText.count(rj.count()));
      number(out, ReportText.number(rj.perThousand()));
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  private static void incidents(StringBuilder out, Section<Incident> s) {
    out.append("<h2>Incidents</h2>\n");
    if (empty(out, s)) {
      return;
    }
    for (Incident i : s.items()) {
      out.append("<div class=\"incident")
          .append("closed".equals(i.status()) ? " closed" : "")
          .append("\"><h3>")
          .append(h(ReportText.incidentHeading(i)))
          .append("</h3>\n<ul><li>")
          .append(h(ReportText.opened(i)))
          .append("</li><li>Outcome: ")
          .append(h(ReportText.outcome(i)))
          .append("</li>\n<li>Top causes: ");
      if (i.causes().isEmpty()) {
        out.append("<span class=\"none\">not analysed</span>");
      } else {
        out.append("<ol>");
        for (Suspect c : i.causes()) {
          out.append("<li>").append(h(ReportText.suspect(c))).append("</li>");
        }
        out.append("</ol>");
      }
      out.append("</li>\n<li>Operator answers: ");
      if (i.answers().isEmpty()) {
        out.append("<span class=\"none\">none</span>");
      } else {
        out.append("<ul>");
        for (Answer a : i.answers()) {
          out.append("<li>").append(h(ReportText.answer(a))).append("</li>");
        }
        out.append("</ul>");
      }
      out.append("</li></ul></div>\n");
    }
  }

  private static void setpoints(StringBuilder out, Section<SetpointChange> s) {
    out.append("<h2>Setpoint changes</h2>\n");
    if (empty(out, s)) {
      return;
    }
    out.append("<table><thead>");
    headings(out, List.of("At", "Parameter", "From", "To", "Origin", "By", "Reason"));
    out.append("</thead><tbody>\n");
    for (SetpointChange c : s.items()) {
      out.append("<tr>");
      cell(out, c.at());
      cell(out, c.parameter());
      number(out, ReportText.number(c.previous()));
      number(out, ReportText.number(c.value()));
      cell(out, c.origin());
      cell(out, c.by());
      cell(out, c.reason());
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  private static void alarms(StringBuilder out, Section<Alarm> s) {
    out.append("<h2>Alarms and model alerts</h2>\n");
    if (empty(out, s)) {
      return;
    }
    out.append("<p>").append(h(ReportText.alarmSummary(s.items()))).append("</p>\n<table><thead>");
    headings(out, List.of("At", "Alarm", "Event", "Severity", "Source", "Message"));
    out.append("</thead><tbody>\n");
    for (Alarm a : s.items()) {
      out.append("<tr>");
      cell(out, a.at());
      cell(out, a.alarmId());
      cell(out, ReportText.alarmKind(a));
      cell(out, a.severity());
      cell(out, a.source());
      cell(out, a.message());
      out.append("</tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  private static void quarantine(StringBuilder out, Quarantine q) {
    out.append("<h2>Quarantined input</h2>\n<p")
        .append(q.available() ? "" : " class=\"none\"")
        .append('>')
        .append(h(ReportText.quarantineSummary(q)))
        .append("</p>\n");
    if (!q.byReason().isEmpty()) {
      out.append("<table><thead>");
      headings(out, List.of("Source", "Reason", "Records"));
      out.append("</thead><tbody>\n");
      for (ReasonCount c : q.byReason()) {
        out.append("<tr>");
        cell(out, c.source());
        cell(out, c.reason());
        number(out, String.valueOf(c.count()));
        out.append("</tr>\n");
      }
      out.append("</tbody></table>\n");
    }
  }

  /** Writes the section's note when it has nothing to list (and says so); else its cut note. */
  private static boolean empty(StringBuilder out, Section<?> s) {
    if (s.items().isEmpty()) {
      out.append("<p class=\"none\">").append(h(ReportText.empty(s))).append("</p>\n");
      return true;
    }
    if (s.truncated()) {
      out.append("<p class=\"none\">").append(h(s.note())).append("</p>\n");
    }
    return false;
  }

  private static void headings(StringBuilder out, List<String> names) {
    out.append("<tr>");
    for (String n : names) {
      out.append("<th scope=\"col\">").append(h(n)).append("</th>");
    }
    out.append("</tr>");
  }

  private static void cell(StringBuilder out, String text) {
    out.append("<td>").append(h(text == null ? "" : text)).append("</td>");
  }

  private static void number(StringBuilder out, String text) {
    out.append("<td class=\"num\">").append(h(text)).append("</td>");
  }

  /** {@code text} escaped for HTML text and attribute values; control characters become spaces. */
  static String h(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(Character.isISOControl(c) && c != '\n' ? ' ' : c);
      }
    }
    return out.toString();
  }
}
