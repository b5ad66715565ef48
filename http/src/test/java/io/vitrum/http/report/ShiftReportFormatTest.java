package io.vitrum.http.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which form of the report a request gets: by name, or by its Accept header. */
class ShiftReportFormatTest {

  @Test
  void namesAreJsonMarkdownAndHtml() {
    assertEquals(Optional.of(ReportFormat.JSON), ReportFormat.named("json"));
    assertEquals(Optional.of(ReportFormat.MARKDOWN), ReportFormat.named("markdown"));
    assertEquals(Optional.of(ReportFormat.MARKDOWN), ReportFormat.named("MD"));
    assertEquals(Optional.of(ReportFormat.HTML), ReportFormat.named("html"));
    assertEquals(Optional.empty(), ReportFormat.named("pdf"));
  }

  @Test
  void noAcceptOrAnyIsJson() {
    assertEquals(Optional.of(ReportFormat.JSON), ReportFormat.negotiate(null));
    assertEquals(Optional.of(ReportFormat.JSON), ReportFormat.negotiate(""));
    assertEquals(Optional.of(ReportFormat.JSON), ReportFormat.negotiate("*/*"));
    assertEquals(Optional.of(ReportFormat.JSON), ReportFormat.negotiate("application/*"));
  }

  @Test
  void namedTypesWin() {
    assertEquals(Optional.of(ReportFormat.MARKDOWN), ReportFormat.negotiate("text/markdown"));
    assertEquals(Optional.of(ReportFormat.HTML), ReportFormat.negotiate("TEXT/HTML"));
    assertEquals(
        Optional.of(ReportFormat.HTML),
        ReportFormat.negotiate("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"),
        "a browser");
    assertEquals(
        Optional.of(ReportFormat.MARKDOWN),
        ReportFormat.negotiate("text/markdown; charset=UTF-8, */*;q=0.1"));
    assertEquals(
        Optional.of(ReportFormat.MARKDOWN),
        ReportFormat.negotiate("text/markdown, application/json"),
        "equal quality: the header's order");
  }

  @Test
  void qualitiesDecide() {
    assertEquals(
        Optional.of(ReportFormat.HTML),
        ReportFormat.negotiate("application/json;q=0.5, text/html;q=0.9"));
    assertEquals(
        Optional.of(ReportFormat.MARKDOWN),
        ReportFormat.negotiate("*/*;q=0.5, application/json;q=0, text/html;q=0.1"));
    assertEquals(
        Optional.of(ReportFormat.MARKDOWN),
        ReportFormat.negotiate("text/*, text/html;q=0.2"),
        "the most specific range decides a type's quality");
  }

  @Test
  void nothingAcceptableIsNone() {
    assertEquals(Optional.empty(), ReportFormat.negotiate("application/pdf"));
    assertEquals(Optional.empty(), ReportFormat.negotiate("application/json;q=0"));
    assertEquals(Optional.empty(), ReportFormat.negotiate("image/*"));
  }
}
