package io.vitrum.http.report;

import io.vitrum.http.report.ShiftReport.Alarm;
import io.vitrum.http.report.ShiftReport.Answer;
import io.vitrum.http.report.ShiftReport.Count;
import io.vitrum.http.report.ShiftReport.Incident;
import io.vitrum.http.report.ShiftReport.Kpis;
import io.vitrum.http.report.ShiftReport.Measure;
import io.vitrum.http.report.ShiftReport.Quarantine;
import io.vitrum.http.report.ShiftReport.Section;
import io.vitrum.http.report.ShiftReport.Suspect;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words and numbers of a shift report, the same in every rendering: the renderers only add
 * markup and escape. Nothing here is escaped.
 */
final class ReportText {
  static final String NO_DATA = "no data";
  static final String NONE = "none in this window";
  static final String TITLE = "Shift report";

  /** One line of the figures table. */
  record Row(String figure, String value, String coverage) {}

  private ReportText() {}

  static String title(ShiftReport r) {
    return TITLE + " " + r.furnace();
  }

  static String window(ShiftReport r) {
    return r.from() + " to " + r.to() + " (" + span(r.from(), r.to()) + ", UTC)";
  }

  static String generated(ShiftReport r) {
    return "generated " + r.generatedAt();
  }

  static String span(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    long days = d.toDays();
    long hours = d.toHoursPart();
    long minutes = d.toMinutesPart();
    List<String> parts = new ArrayList<>();
    if (days > 0) {
      parts.add(days + " d");
    }
    if (hours > 0) {
      parts.add(hours + " h");
    }
    if (minutes > 0 || parts.isEmpty()) {
      parts.add(minutes + " min");
    }
    return String.join(" ", parts);
  }

  static List<Row> kpis(Kpis k) {
    List<Row> rows = new ArrayList<>();
    rows.add(measure("Mean pull", k.pull(), 1, k.windowMinutes(), ""));
    rows.add(
        measure(
            "Mean crown temperature",
            k.crown(),
            1,
            k.windowMinutes(),
            " over "
                + k.crownThermocouples()
                + (k.crownThermocouples() == 1 ? " thermocouple" : " thermocouples")));
    rows.add(measure("Mean gas flow", k.gas(), 0, k.windowMinutes(), ""));
    rows.add(new Row("Gas per tonne", number(k.gasPerTonne(), 1, "Nm³/t"), ""));
    rows.add(count("Items inspected", k.inspected(), k.windowMinutes()));
    rows.add(
        new Row(
            "Rejects",
            k.rejectsTotal() == null
                ? NO_DATA
                : k.rejectsTotal() + " (" + perThousand(k.rejectsPerThousand()) + ")",
            ""));
    return rows;
  }

  static String perThousand(Double v) {
    return v == null ? NO_DATA + " per 1000" : number(v, 2, "per 1000");
  }

  private static Row measure(String figure, Measure m, int decimals, long window, String over) {
    if (m.mean() == null) {
      return new Row(figure, NO_DATA, coverage(0, window));
    }
    String unit = unit(m.unit());
    return new Row(
        figure,
        number(m.mean(), decimals, unit)
            + over
            + " (min "
            + number(m.min(), decimals, "")
            + ", max "
            + number(m.max(), decimals, "")
            + ")",
        coverage(m.minutes(), window));
  }

  private static Row count(String figure, Count c, long window) {
    return new Row(
        figure,
        c.total() == null ? NO_DATA : String.valueOf(c.total()),
        coverage(c.minutes(), window));
  }

  static String coverage(long minutes, long window) {
    return minutes + " of " + window + " min with data";
  }

  static String unit(String unit) {
    return switch (unit) {
      case "degC" -> "°C";
      case "Nm3/h" -> "Nm³/h";
      default -> unit;
    };
  }

  /** {@code v} with {@code decimals} digits and its unit, or "no data". */
  static String number(Double v, int decimals, String unit) {
    if (v == null || !Double.isFinite(v)) {
      return NO_DATA;
    }
    String n = String.format(Locale.ROOT, "%." + decimals + "f", v);
    return unit.isEmpty() ? n : n + " " + unit;
  }

  static String count(Long v) {
    return v == null ? NO_DATA : String.valueOf(v);
  }

  /** The note of a section that has no items, or whose source is off. */
  static String empty(Section<?> s) {
    return s.available() ? NONE : s.note();
  }

  static String or(String text, String otherwise) {
    return text == null || text.isBlank() ? otherwise : text;
  }

  static String incidentHeading(Incident i) {
    return or(i.id(), "(no id)")
        + ": "
        + or(i.defect(), "unknown defect")
        + (i.tag() == null ? "" : " on " + i.tag())
        + " ("
        + or(i.status(), "status unknown")
        + ")";
  }

  static String opened(Incident i) {
    return "opened " + or(i.openedAt(), "at an unknown time");
  }

  static String outcome(Incident i) {
    if (!"closed".equals(i.status())) {
      return "still open";
    }
    return "closed "
        + or(i.closedAt(), "at an unknown time")
        + " by "
        + or(i.closedBy(), "unknown")
        + (i.closeReason() == null || i.closeReason().isBlank() ? "" : ": " + i.closeReason());
  }

  /** A suspected fault: its name, then its id and score. Its rank is the list's order. */
  static String suspect(Suspect s) {
    String fault = or(s.fault(), "(unknown fault)");
    String score = s.score() == null ? "" : ", score " + number(s.score(), 2, "");
    return s.name() == null || s.name().isBlank() || s.name().equals(fault)
        ? fault + (score.isEmpty() ? "" : " (" + score.substring(2) + ")")
        : s.name() + " (" + fault + score + ")";
  }

  static String answer(Answer a) {
    String verdict = a.confirmed() == null ? "judged" : a.confirmed() ? "confirmed" : "rejected";
    return or(a.by(), "someone")
        + " "
        + verdict
        + " "
        + or(a.cause(), "(unknown cause)")
        + (a.at() == null ? "" : " at " + a.at())
        + (a.comment() == null || a.comment().isBlank() ? "" : ": " + a.comment());
  }

  static String alarmSummary(List<Alarm> alarms) {
    long raised = alarms.stream().filter(Alarm::raised).count();
    long model = alarms.stream().filter(a -> a.raised() && a.model()).count();
    long cleared = alarms.size() - raised;
    return raised
        + " raised ("
        + model
        + (model == 1 ? " model alert" : " model alerts")
        + "), "
        + cleared
        + " cleared";
  }

  static String alarmKind(Alarm a) {
    return (a.model() ? "model alert " : "alarm ") + (a.raised() ? "raised" : "cleared");
  }

  static String number(Double v) {
    return v == null ? NO_DATA : String.format(Locale.ROOT, "%.2f", v);
  }

  static String quarantineSummary(Quarantine q) {
    if (!q.available()) {
      return q.note();
    }
    String total = q.total() + (q.total() == 1 ? " record" : " records") + " quarantined";
    String unattributed =
        q.unattributed() == null || q.unattributed() == 0
            ? ""
            : "; " + q.unattributed() + " more naming no furnace's tag";
    return total + unattributed + " (" + q.note() + ")";
  }
}
