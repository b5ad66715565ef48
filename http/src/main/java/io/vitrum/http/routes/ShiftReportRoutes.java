package io.vitrum.http.routes;

import io.vitrum.core.plant.FurnaceId;
import io.vitrum.core.security.Principal;
import io.vitrum.http.auth.Access;
import io.vitrum.http.auth.Endpoint;
import io.vitrum.http.auth.Endpoint.Scope;
import io.vitrum.http.errors.Problem;
import io.vitrum.http.errors.ProblemException;
import io.vitrum.http.json.Json;
import io.vitrum.http.report.HtmlReport;
import io.vitrum.http.report.MarkdownReport;
import io.vitrum.http.report.QuarantineLog;
import io.vitrum.http.report.ReportFormat;
import io.vitrum.http.report.ShiftReport;
import io.vitrum.http.report.ShiftReports;
import io.vitrum.streams.graph.KnowledgeGraph;
import io.vitrum.streams.history.HistoryQuery;
import io.vitrum.streams.ingest.Ingest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpCharsets;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpHeader;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.MediaTypes;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;

/**
 * {@code GET /api/reports/shift?furnace=F1&from=&to=}: what a shift lead hands over for one
 * furnace: production figures, incidents with their top causes and outcome, setpoint changes with
 * who and why, alarms and model alerts, and quarantined input ({@link ShiftReport}). {@code to}
 * defaults to now, {@code from} to eight hours before it; the window spans at most seven days (else
 * 422 {@code report-too-long}). As JSON (the default), Markdown or a printable HTML page, chosen by
 * {@code ?format=json|markdown|html} or else by {@code Accept} (406 when it accepts none of them).
 * PDF is not rendered: print the HTML page. A furnace without any history, or outside the caller's
 * scope, is not found.
 */
public final class ShiftReportRoutes extends AllDirectives {
  static final Endpoint REPORT = Endpoint.get("/api/reports/shift", Scope.PLANT);

  /** Every endpoint these routes serve. */
  public static final List<Endpoint> ENDPOINTS = List.of(REPORT);

  /** The window when {@code from} is left out: one shift. */
  static final Duration DEFAULT_SPAN = Duration.ofHours(8);

  /** The longest window one report covers. */
  static final Duration MAX_SPAN = Duration.ofDays(7);

  private static final HttpHeader VARY = RawHeader.create("Vary", "Accept");

  private final ShiftReports reports;
  private final Clock clock;

  /**
   * @param history the history
   * @param graph the knowledge graph, when this node runs it (else those sections say it is off)
   * @param ingest this node's ingest, whose quarantine store the report counts
   * @param clock for the default window and the report's stamp
   */
  public ShiftReportRoutes(
      HistoryQuery history,
      Optional<KnowledgeGraph> graph,
      Supplier<Optional<Ingest>> ingest,
      Clock clock) {
    this(ShiftReports.of(history, graph, QuarantineLog.of(ingest), clock), clock);
  }

  ShiftReportRoutes(ShiftReports reports, Clock clock) {
    this.reports = reports;
    this.clock = clock;
  }

  public Route routes() {
    return path(
        PathMatchers.segment("reports").slash("shift"),
        () ->
            Access.serve(
                REPORT,
                caller ->
                    parameterMap(
                        params -> extractRequest(request -> report(caller, params, request)))));
  }

  private Route report(Principal caller, Map<String, String> params, HttpRequest request) {
    String furnace = params.get("furnace");
    if (furnace == null) {
      throw HistoryParameters.invalid("name the furnace: ?furnace=F1");
    }
    if (!FurnaceId.isValid(furnace)) {
      throw HistoryParameters.invalid("furnace '" + furnace + "' is not a furnace id");
    }
    if (!caller.sees(furnace)) {
      throw new ProblemException(Access.notFound(Scope.FURNACE, furnace));
    }
    ReportFormat format = format(params, request);
    Instant to = HistoryParameters.instant(params, "to", clock.instant());
    Instant from = HistoryParameters.instant(params, "from", to.minus(DEFAULT_SPAN));
    if (!from.isBefore(to)) {
      throw HistoryParameters.invalid("from (" + from + ") must be before to (" + to + ")");
    }
    if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
      throw new ProblemException(
          Problem.of(
              422,
              "report-too-long",
              "Report too long",
              "a shift report covers at most "
                  + MAX_SPAN.toDays()
                  + " days: from "
                  + from
                  + " to "
                  + to
                  + " is longer"));
    }
    return onSuccess(
        reports.gather(furnace, from, to, caller.scope().all()),
        found ->
            respondWithHeader(
                VARY,
                () ->
                    render(
                        found.orElseThrow(
                            () ->
                                new ProblemException(
                                    Problem.of(
                                        404,
                                        "furnace-not-found",
                                        "Furnace not found",
                                        "furnace " + furnace + " has no history"))),
                        format)));
  }

  private Route render(ShiftReport report, ReportFormat format) {
    return switch (format) {
      case JSON -> completeOK(report, Jackson.marshaller(Json.mapper()));
      case MARKDOWN ->
          complete(
              HttpEntities.create(
                  ContentTypes.create(MediaTypes.TEXT_MARKDOWN, HttpCharsets.UTF_8),
                  MarkdownReport.render(report)));
      case HTML ->
          complete(
              HttpResponse.create()
                  .addHeader(
                      RawHeader.create(
                          "Content-Security-Policy", HtmlReport.CONTENT_SECURITY_POLICY))
                  .withEntity(
                      HttpEntities.create(ContentTypes.TEXT_HTML_UTF8, HtmlReport.render(report))));
    };
  }

  private static ReportFormat format(Map<String, String> params, HttpRequest request) {
    String named = params.get("format");
    if (named != null) {
      return ReportFormat.named(named)
          .orElseThrow(
              () ->
                  HistoryParameters.invalid(
                      "format '" + named + "' is not one of json, markdown, html"));
    }
    String accept = request.getHeader("Accept").map(HttpHeader::value).orElse(null);
    return ReportFormat.negotiate(accept)
        .orElseThrow(
            () ->
                new ProblemException(
                    Problem.of(
                        406,
                        "not-acceptable",
                        "Not acceptable",
                        "the shift report is served as application/json, text/markdown or"
                            + " text/html (or ?format=json|markdown|html); PDF: print the HTML"
                            + " page")));
  }
}
