package io.vitrum.http.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.http.report.ShiftReport.Section;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The printable page: self-contained (inline style, no scripts, nothing loaded), every text
 * escaped, every section present, and empty or missing sources said in words.
 */
class ShiftReportHtmlTest {
  private static final List<String> SECTIONS =
      List.of(
          "Production",
          "Incidents",
          "Setpoint changes",
          "Alarms and model alerts",
          "Quarantined input");

  @Test
  void isASelfContainedPageWithoutScripts() {
    String html = HtmlReport.render(ShiftReportFixtures.full());
    String lower = html.toLowerCase(Locale.ROOT);
    assertTrue(html.startsWith("<!doctype html>"), html);
    assertTrue(html.contains("<meta charset=\"utf-8\">"));
    assertTrue(html.contains("<style>") && html.contains("@media print"), "inline print style");
    assertFalse(lower.contains("<script"), "no script element");
    assertFalse(lower.contains("<link"), "no stylesheet loaded");
    assertFalse(lower.contains("<img"), "no image");
    assertFalse(lower.contains(" src="), "nothing loaded");
    assertEquals(List.of(), attributes(html), "no event handler attributes");
    assertTrue(html.trim().endsWith("</body></html>"));
  }

  @Test
  void escapesEveryText() {
    String html = HtmlReport.render(ShiftReportFixtures.full());
    assertTrue(
        html.contains(
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; *bold* a|b [link](x) &amp;"
                + " &#39;q&#39;"),
        html);
    assertFalse(html.contains(ShiftReportFixtures.HOSTILE));
    // Only the page's own elements.
    Matcher tags = Pattern.compile("<([a-zA-Z0-9]+)").matcher(html);
    List<String> allowed =
        List.of(
            "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "strong",
            "table", "thead", "tbody", "tr", "th", "td", "div", "ul", "ol", "li", "span");
    while (tags.find()) {
      assertTrue(allowed.contains(tags.group(1).toLowerCase(Locale.ROOT)), tags.group());
    }
  }

  @Test
  void showsEverySectionWithItsFacts() {
    String html = HtmlReport.render(ShiftReportFixtures.full());
    for (String s : SECTIONS) {
      assertTrue(html.contains("<h2>" + s + "</h2>"), s);
    }
    assertTrue(html.contains("<h1>Shift report F1</h1>"));
    assertTrue(html.contains("2026-11-30T06:00:00Z to 2026-11-30T14:00:00Z (8 h, UTC)"));
    // Figures, with no data said so.
    assertTrue(html.contains("400.0 t/day (min 390.0, max 410.0)"), html);
    assertTrue(html.contains("1512.5 °C over 2 thermocouples (min 1500.0, max 1520.0)"));
    assertTrue(html.contains("470 of 480 min with data"));
    assertTrue(html.contains("72.0 Nm³/t"));
    assertTrue(html.contains("<td>48000</td>"));
    assertTrue(html.contains("720 (15.00 per 1000)"));
    assertTrue(html.contains("<td>crack</td><td class=\"num\">480</td><td class=\"num\">10.00"));
    assertTrue(
        html.contains("<td>stone</td><td class=\"num\">no data</td><td class=\"num\">no data"));
    // Incidents: causes, outcome, answers.
    assertTrue(html.contains("inc-1: crack on F1.lehr.Z2 (open)"));
    assertTrue(html.contains("Outcome: still open"));
    assertTrue(
        html.contains("<ol><li>Lehr cools too fast (lehr-cooling-too-fast, score 0.81)</li>"));
    assertTrue(html.contains("alice confirmed lehr-cooling-too-fast at 2026-11-30T08:00:00Z"));
    assertTrue(html.contains("Outcome: closed 2026-11-30T09:30:00Z by bob: refining fixed"));
    assertTrue(html.contains("<span class=\"none\">not analysed</span>"));
    // Setpoints with who and why; alarms with model alerts counted.
    assertTrue(html.contains("<td>crownTemperature</td><td class=\"num\">1560.00</td>"));
    assertTrue(html.contains("<td>OPERATOR</td><td>alice</td><td>seeds rising &lt;script"));
    assertTrue(html.contains("2 raised (1 model alert), 1 cleared"));
    assertTrue(html.contains("<td>model alert raised</td>"));
    assertTrue(html.contains("<td>alarm raised</td>"));
    assertTrue(html.contains("<td>model alert cleared</td>"));
    // Quarantine.
    assertTrue(html.contains("3 records quarantined; 4 more naming no furnace&#39;s tag"));
    assertTrue(html.contains("<td>mqtt</td><td>unit-mismatch</td><td class=\"num\">2</td>"));
  }

  @Test
  void emptySectionsSayNoneAndNoData() {
    String html = HtmlReport.render(ShiftReportFixtures.empty(true));
    for (String s : SECTIONS) {
      assertTrue(html.contains("<h2>" + s + "</h2>"), s);
    }
    assertEquals(3, count(html, "<p class=\"none\">none in this window</p>"), html);
    assertTrue(html.contains("<th scope=\"row\">Mean pull</th><td>no data</td>"), html);
    assertTrue(html.contains("<th scope=\"row\">Gas per tonne</th><td>no data</td>"));
    assertTrue(html.contains("<th scope=\"row\">Items inspected</th><td>no data</td>"));
    assertTrue(html.contains("<th scope=\"row\">Rejects</th><td>no data</td>"));
    assertTrue(html.contains("0 of 480 min with data"));
    assertTrue(html.contains("ingest is off on this node"));
    assertFalse(html.contains("<table><thead><tr><th scope=\"col\">At</th>"), "no empty tables");
  }

  @Test
  void aGraphThatIsOffIsSaidSo() {
    String html = HtmlReport.render(ShiftReportFixtures.empty(false));
    assertEquals(3, count(html, "<p class=\"none\">knowledge graph off</p>"), html);
  }

  @Test
  void aCutListSaysSo() {
    ShiftReport full = ShiftReportFixtures.full();
    ShiftReport cut =
        new ShiftReport(
            full.furnace(),
            full.from(),
            full.to(),
            full.generatedAt(),
            full.kpis(),
            full.incidents(),
            Section.of(full.setpointChanges().items(), 1),
            full.alarms(),
            full.quarantine());
    String html = HtmlReport.render(cut);
    assertTrue(html.contains("only the first 1 are shown"), html);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  private static List<String> attributes(String html) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile(" on[a-z]+=").matcher(html.toLowerCase(Locale.ROOT));
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
