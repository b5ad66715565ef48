/**
 * The shift report: what a shift lead hands over for one furnace and window. {@link
 * io.vitrum.http.report.ShiftReports} gathers it from history, the knowledge graph and the
 * quarantine this node holds into a {@link io.vitrum.http.report.ShiftReport}; {@link
 * io.vitrum.http.report.MarkdownReport} and {@link io.vitrum.http.report.HtmlReport} render it as
 * text (JSON is the record itself); {@link io.vitrum.http.report.ReportFormat} chooses among them.
 */
package io.vitrum.http.report;
