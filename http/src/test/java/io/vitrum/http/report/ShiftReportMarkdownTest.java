package io.vitrum.http.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Markdown report: every section, every text escaped so that it stays literal text (no HTML,
 * links, emphasis or broken tables), and empty or missing sources said in words.
 */
class ShiftReportMarkdownTest {
  private static final List<String> SECTIONS =
      List.of(
          "## Production",
          "### Rejects by class",
          "## Incidents",
          "## Setpoint changes",
          "## Alarms and model alerts",
          "## Quarantined input");

  @Test
  void escapesEveryText() {
    String md = MarkdownReport.render(ShiftReportFixtures.full());
    assertFalse(md.contains("<script>"), md);
    assertFalse(Pattern.compile("(?<!\\\\)[<>]").matcher(md).find(), "every < and > is escaped");
    String escaped = "\\<script\\>alert(\"x\")\\</script\\> \\*bold\\* a\\|b \\[link\\](x) \\& 'q'";
    assertTrue(md.contains(escaped), md);
    assertEquals("a \\| b", MarkdownReport.md("a | b"));
    assertEquals("\\\\ \\` \\_ \\# \\~ \\!", MarkdownReport.md("\\ ` _ # ~ !"));
    assertEquals("one two", MarkdownReport.md("one\ntwo"));
    assertEquals("one  two", MarkdownReport.md("one\r\ntwo"));
  }

  @Test
  void tableRowsStayOneLineWithTheirColumns() {
    String md = MarkdownReport.render(ShiftReportFixtures.full());
    for (String line : md.split("\n")) {
      if (line.startsWith("|")) {
        assertTrue(line.endsWith("|"), line);
        int columns = line.replace("\\|", "").split("\\|", -1).length - 2;
        assertTrue(columns == 3 || columns == 6 || columns == 7, columns + " in " + line);
      }
    }
    assertTrue(md.contains("| --- | --- | --- |\n"));
  }

  @Test
  void showsEverySectionWithItsFacts() {
    String md = MarkdownReport.render(ShiftReportFixtures.full());
    for (String s : SECTIONS) {
      assertTrue(md.contains("\n" + s + "\n"), s);
    }
    assertTrue(md.startsWith("# Shift report F1\n"), md);
    assertTrue(md.contains("**Window:** 2026-11-30T06:00:00Z to 2026-11-30T14:00:00Z (8 h, UTC)"));
    assertTrue(
        md.contains(
            "| Mean pull | 400.0 t/day (min 390.0, max 410.0) | 480 of 480 min with data |"),
        md);
    assertTrue(md.contains("| Gas per tonne | 72.0 Nm³/t |  |"));
    assertTrue(md.contains("| Items inspected | 48000 | 480 of 480 min with data |"));
    assertTrue(md.contains("| Rejects | 720 (15.00 per 1000) |  |"));
    assertTrue(md.contains("| crack | 480 | 10.00 |"));
    assertTrue(md.contains("| chip | no data | no data |"));
    assertTrue(md.contains("### inc-1: crack on F1.lehr.Z2 (open)\n"));
    assertTrue(md.contains("- Outcome: still open\n"));
    assertTrue(
        md.contains(
            "  1. Lehr cools too fast (lehr-cooling-too-fast, score 0.81)\n  2. Gob too cold"));
    assertTrue(
        md.contains(
            "  - alice confirmed lehr-cooling-too-fast at 2026-11-30T08:00:00Z: fan 3 was stuck"
                + " second line"));
    assertTrue(md.contains("- Outcome: closed 2026-11-30T09:30:00Z by bob: refining fixed"));
    assertTrue(md.contains("- Top causes: *not analysed*\n"));
    assertTrue(md.contains("- Operator answers: *none*\n"));
    assertTrue(
        md.contains(
            "| 2026-11-30T08:15:00Z | crownTemperature | 1560.00 | 1570.00 | OPERATOR | alice |"
                + " seeds rising"));
    assertTrue(md.contains("| 2026-11-30T10:00:00.5Z | gasFlow | 1200.00 | 1150.00 | POLICY |"));
    assertTrue(md.contains("2 raised (1 model alert), 1 cleared\n"));
    assertTrue(md.contains("| model:defect-risk | model alert raised | warning | forecaster |"));
    assertTrue(md.contains("| 2026-11-30T08:30:00Z | model:defect-risk | model alert cleared |"));
    assertTrue(md.contains("3 records quarantined; 4 more naming no furnace's tag"));
    assertTrue(md.contains("| mqtt | unit-mismatch | 2 |"));
  }

  @Test
  void emptySectionsSayNoneAndNoData() {
    String md = MarkdownReport.render(ShiftReportFixtures.empty(true));
    for (String s : SECTIONS) {
      assertTrue(md.contains("\n" + s + "\n"), s);
    }
    assertTrue(md.contains("## Incidents\n\n*none in this window*\n"), md);
    assertTrue(md.contains("## Setpoint changes\n\n*none in this window*\n"));
    assertTrue(md.contains("## Alarms and model alerts\n\n*none in this window*\n"));
    assertTrue(md.contains("| Mean pull | no data | 0 of 480 min with data |"));
    assertTrue(md.contains("| Mean crown temperature | no data |"));
    assertTrue(md.contains("| Gas per tonne | no data |  |"));
    assertTrue(md.contains("| Rejects | no data |  |"));
    assertTrue(md.contains("ingest is off on this node"));
  }

  @Test
  void aGraphThatIsOffIsSaidSo() {
    String md = MarkdownReport.render(ShiftReportFixtures.empty(false));
    assertTrue(md.contains("## Incidents\n\n*knowledge graph off*\n"), md);
    assertTrue(md.contains("## Setpoint changes\n\n*knowledge graph off*\n"));
    assertTrue(md.contains("## Alarms and model alerts\n\n*knowledge graph off*\n"));
  }
}
