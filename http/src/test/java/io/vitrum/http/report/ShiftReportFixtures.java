package io.vitrum.http.report;

import io.vitrum.http.report.ShiftReport.Alarm;
import io.vitrum.http.report.ShiftReport.Answer;
import io.vitrum.http.report.ShiftReport.Count;
import io.vitrum.http.report.ShiftReport.Incident;
import io.vitrum.http.report.ShiftReport.Kpis;
import io.vitrum.http.report.ShiftReport.Measure;
import io.vitrum.http.report.ShiftReport.Quarantine;
import io.vitrum.http.report.ShiftReport.ReasonCount;
import io.vitrum.http.report.ShiftReport.Rejects;
import io.vitrum.http.report.ShiftReport.Section;
import io.vitrum.http.report.ShiftReport.SetpointChange;
import io.vitrum.http.report.ShiftReport.Suspect;
import java.time.Instant;
import java.util.List;

/** Reports for the renderer tests: one with every section filled, with hostile text, one empty. */
final class ShiftReportFixtures {
  static final Instant FROM = Instant.parse("2026-11-30T06:00:00Z");
  static final Instant TO = Instant.parse("2026-11-30T14:00:00Z");
  static final Instant GENERATED = Instant.parse("2026-11-30T14:05:00Z");

  /** Text that would be markup if it were not escaped. */
  static final String HOSTILE = "<script>alert(\"x\")</script> *bold* a|b [link](x) & 'q'";

  private ShiftReportFixtures() {}

  static ShiftReport full() {
    Kpis kpis =
        new Kpis(
            480,
            new Measure("t/day", 400.0, 390.0, 410.0, 480),
            new Measure("degC", 1512.5, 1500.0, 1520.0, 470),
            2,
            new Measure("Nm3/h", 1200.0, 1100.0, 1300.0, 480),
            72.0,
            new Count(48000L, 480),
            List.of(
                new Rejects("crack", 480L, 10.0),
                new Rejects("bubble", 240L, 5.0),
                new Rejects("stone", null, null),
                new Rejects("chip", null, null)),
            720L,
            15.0);
    Incident open =
        new Incident(
            "inc-1",
            "crack",
            "F1.lehr.Z2",
            "open",
            "2026-11-30T07:00:00Z",
            null,
            null,
            null,
            "lehr-cooling-too-fast",
            List.of(
                new Suspect(1, "lehr-cooling-too-fast", "Lehr cools too fast", 0.81),
                new Suspect(2, "gob-too-cold", "Gob too cold", 0.12)),
            List.of(
                new Answer(
                    "lehr-cooling-too-fast",
                    true,
                    "alice",
                    "fan 3 was stuck\nsecond line " + HOSTILE,
                    "2026-11-30T08:00:00Z")));
    Incident closed =
        new Incident(
            "inc-2",
            "bubble",
            null,
            "closed",
            "2026-11-29T23:00:00Z",
            "2026-11-30T09:30:00Z",
            "bob",
            "refining fixed " + HOSTILE,
            null,
            List.of(),
            List.of());
    List<SetpointChange> setpoints =
        List.of(
            new SetpointChange(
                "2026-11-30T08:15:00Z",
                "crownTemperature",
                1560.0,
                1570.0,
                "OPERATOR",
                "alice",
                "seeds rising " + HOSTILE),
            new SetpointChange(
                "2026-11-30T10:00:00.5Z", "gasFlow", 1200.0, 1150.0, "POLICY", "policy", null));
    List<Alarm> alarms =
        List.of(
            new Alarm(
                "2026-11-30T07:00:00Z",
                "model:defect-risk",
                true,
                true,
                "forecaster",
                "warning",
                "crack risk high " + HOSTILE),
            new Alarm(
                "2026-11-30T07:30:00Z", "F1.crown.T3:high", true, false, "sensor", "alarm", "hot"),
            new Alarm("2026-11-30T08:30:00Z", "model:defect-risk", false, true, null, null, null));
    Quarantine quarantine =
        new Quarantine(
            true,
            "from the 12 newest quarantine records this node holds",
            3,
            List.of(
                new ReasonCount("mqtt", "unit-mismatch", 2),
                new ReasonCount("sensor", "out-of-range", 1)),
            4L,
            true,
            Instant.parse("2026-11-29T00:00:00Z"));
    return new ShiftReport(
        "F1",
        FROM,
        TO,
        GENERATED,
        kpis,
        Section.of(List.of(open, closed), ShiftReports.MAX_ITEMS),
        Section.of(setpoints, ShiftReports.MAX_ITEMS),
        Section.of(alarms, ShiftReports.MAX_ITEMS),
        quarantine);
  }

  /** No data anywhere; the graph answered with nothing, or was off. */
  static ShiftReport empty(boolean graphOn) {
    Kpis kpis =
        new Kpis(
            480,
            Measure.none("t/day"),
            Measure.none("degC"),
            0,
            Measure.none("Nm3/h"),
            null,
            new Count(null, 0),
            List.of(
                new Rejects("crack", null, null),
                new Rejects("bubble", null, null),
                new Rejects("stone", null, null),
                new Rejects("chip", null, null)),
            null,
            null);
    return new ShiftReport(
        "F1",
        FROM,
        TO,
        GENERATED,
        kpis,
        graphOn ? Section.of(List.of(), 10) : Section.off(ShiftReports.GRAPH_OFF),
        graphOn ? Section.of(List.of(), 10) : Section.off(ShiftReports.GRAPH_OFF),
        graphOn ? Section.of(List.of(), 10) : Section.off(ShiftReports.GRAPH_OFF),
        Quarantine.off("ingest is off on this node: it holds no quarantine records"));
  }
}
