package io.vitrum.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import io.vitrum.core.history.BlockPolicy;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.Rollup;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.security.FurnaceScope;
import io.vitrum.core.security.Principal;
import io.vitrum.core.security.Role;
import io.vitrum.http.auth.Access;
import io.vitrum.http.errors.Problems;
import io.vitrum.http.report.QuarantineLog;
import io.vitrum.http.report.ShiftReports;
import io.vitrum.streams.history.HistoryQuery;
import io.vitrum.streams.history.InMemoryHistoryStore;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.http.javadsl.model.HttpRequest;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.testkit.ActorSystemResource;
import org.apache.pekko.http.javadsl.testkit.JUnitRouteTestBase;
import org.apache.pekko.http.javadsl.testkit.TestRouteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shift report route with the Pekko HTTP route testkit over in-memory history, a fake graph and
 * quarantine: the form by {@code Accept} and {@code ?format=}, the default window, the graph off,
 * and problem documents for bad queries, unknown furnaces and furnaces outside the caller's scope.
 */
class ShiftReportRoutesTest extends JUnitRouteTestBase {
  private static final ActorSystemResource SYSTEM =
      new ActorSystemResource(
          "ShiftReportRoutesTest", ConfigFactory.parseString("pekko.actor.provider = local"));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-30T14:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Principal LEAD =
      new Principal("lead", Set.of(Role.VIEWER), FurnaceScope.everything(), Instant.MAX);
  private static final Principal F2_ONLY =
      new Principal("f2-lead", Set.of(Role.VIEWER), FurnaceScope.only(Set.of("F2")), Instant.MAX);
  private static final String PATH = "/api/reports/shift";

  private static HistoryQuery history;

  @BeforeAll
  static void start() {
    SYSTEM.before();
    InMemoryHistoryStore store = new InMemoryHistoryStore();
    // The last shift: pull 400 t/day, 100 items inspected and one crack a minute.
    put(store, "F1.pull.rate", 400);
    put(store, "F1.insp.inspected", 100);
    put(store, "F1.insp.reject.crack", 1);
    history =
        new HistoryQuery(store, new BlockPolicy(Duration.ofMinutes(10), Duration.ZERO, 10_000));
  }

  @AfterAll
  static void stop() {
    SYSTEM.after();
  }

  @Override
  public ActorSystemResource systemResource() {
    return SYSTEM;
  }

  private static void put(InMemoryHistoryStore store, String tag, double value) {
    store.putTag("F1", tag);
    long start = NOW.minus(Duration.ofHours(8)).toEpochMilli();
    for (long hour = start; hour < NOW.toEpochMilli(); hour += 3_600_000L) {
      List<RollupBucket> minutes = new ArrayList<>();
      for (long m = hour; m < hour + 3_600_000L; m += 60_000) {
        minutes.add(new RollupBucket(m, Rollup.of(m, value)));
      }
      store.putHour(tag, hour, minutes, RollupBucket.coarsen(minutes, Resolution.HOUR).get(0));
    }
  }

  private static final ShiftReports.GraphRows GRAPH =
      (cypher, params) -> {
        List<Map<String, Object>> rows = new ArrayList<>();
        if (cypher.contains(":SetpointChange")) {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("at", "2026-11-30T08:15:00Z");
          row.put("parameter", "crownTemperature");
          row.put("previous", 1560.0);
          row.put("value", 1570.0);
          row.put("origin", "OPERATOR");
          row.put("by", "alice");
          row.put("reason", "seeds <rising>");
          rows.add(row);
        }
        return CompletableFuture.completedFuture(rows);
      };

  private static final QuarantineLog QUARANTINE =
      () ->
          Optional.of(
              new QuarantineLog.Held(
                  List.of(
                      new QuarantineRecord(
                          "2026-11-30T12:00:00Z",
                          "mqtt",
                          "unit-mismatch",
                          "unit 'degF'",
                          "F1.crown.T1",
                          null,
                          null,
                          "utf8",
                          "{}")),
                  100));

  private Route route(Principal caller, Optional<ShiftReports.GraphRows> graph) {
    ShiftReportRoutes routes =
        new ShiftReportRoutes(new ShiftReports(history, graph, QUARANTINE, CLOCK), CLOCK);
    return new Problems()
        .handle(
            mapRequest(
                r -> r.addAttribute(Access.PRINCIPAL, caller),
                () -> pathPrefix("api", routes::routes)));
  }

  private TestRouteResult get(String query, String... headers) {
    return get(LEAD, query, headers);
  }

  private TestRouteResult get(Principal caller, String query, String... headers) {
    HttpRequest request = HttpRequest.GET(PATH + query);
    for (int i = 0; i < headers.length; i += 2) {
      request = request.addHeader(RawHeader.create(headers[i], headers[i + 1]));
    }
    return testRoute(route(caller, Optional.of(GRAPH))).run(request);
  }

  private static JsonNode json(TestRouteResult result) {
    try {
      return JSON.readTree(result.entityString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode assertProblem(TestRouteResult result, int status, String code) {
    result.assertStatusCode(status).assertContentType("application/problem+json");
    JsonNode problem = json(result);
    assertEquals(code, problem.path("code").asText(), problem::toString);
    assertEquals(status, problem.path("status").asInt());
    assertFalse(problem.path("detail").asText().isBlank());
    return problem;
  }

  @Test
  void jsonByDefaultOverTheLastEightHours() {
    TestRouteResult result = get("?furnace=F1").assertStatusCode(200);
    result.assertMediaType("application/json").assertHeaderExists("Vary", "Accept");
    JsonNode report = json(result);
    assertEquals("F1", report.path("furnace").asText());
    assertEquals("2026-11-30T06:00:00Z", report.path("from").asText());
    assertEquals("2026-11-30T14:00:00Z", report.path("to").asText());
    JsonNode kpis = report.path("kpis");
    assertEquals(400.0, kpis.path("pull").path("mean").asDouble());
    assertEquals(480, kpis.path("pull").path("minutes").asInt());
    assertEquals(48_000, kpis.path("inspected").path("total").asLong());
    assertEquals(10.0, kpis.path("rejectsPerThousand").asDouble(), 1e-9);
    assertTrue(kpis.path("gas").path("mean").isNull(), "no data is null, never invented");
    assertTrue(kpis.path("gasPerTonne").isNull());
    JsonNode setpoints = report.path("setpointChanges");
    assertTrue(setpoints.path("available").asBoolean());
    assertEquals("alice", setpoints.path("items").get(0).path("by").asText());
    assertEquals("seeds <rising>", setpoints.path("items").get(0).path("reason").asText());
    assertEquals(0, report.path("incidents").path("items").size());
    assertEquals(1, report.path("quarantine").path("total").asInt());
    assertEquals(
        "unit-mismatch", report.path("quarantine").path("byReason").get(0).path("reason").asText());
  }

  @Test
  void markdownAndHtmlByAccept() {
    TestRouteResult md = get("?furnace=F1", "Accept", "text/markdown").assertStatusCode(200);
    md.assertContentType("text/markdown; charset=UTF-8");
    assertTrue(md.entityString().startsWith("# Shift report F1\n"), md.entityString());
    assertTrue(md.entityString().contains("seeds \\<rising\\>"));

    TestRouteResult html =
        get(
                "?furnace=F1",
                "Accept",
                "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .assertStatusCode(200);
    html.assertContentType("text/html; charset=UTF-8");
    html.assertHeaderExists(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
    assertTrue(html.entityString().startsWith("<!doctype html>"));
    assertTrue(html.entityString().contains("seeds &lt;rising&gt;"));

    get("?furnace=F1", "Accept", "application/json").assertMediaType("application/json");
  }

  @Test
  void formatOverridesAccept() {
    get("?furnace=F1&format=markdown", "Accept", "application/json")
        .assertStatusCode(200)
        .assertContentType("text/markdown; charset=UTF-8");
    get("?furnace=F1&format=html", "Accept", "application/pdf")
        .assertStatusCode(200)
        .assertContentType("text/html; charset=UTF-8");
    get("?furnace=F1&format=json", "Accept", "text/html").assertMediaType("application/json");
    assertProblem(get("?furnace=F1&format=pdf"), 422, "invalid-parameter");
  }

  @Test
  void aFormNotOfferedIsNotAcceptable() {
    JsonNode problem =
        assertProblem(get("?furnace=F1", "Accept", "application/pdf"), 406, "not-acceptable");
    assertTrue(problem.path("detail").asText().contains("text/html"), problem::toString);
  }

  @Test
  void theWindowIsTheAskedOne() {
    JsonNode report =
        json(
            get("?furnace=F1&from=2026-11-30T10:00:00Z&to=2026-11-30T12:00:00Z")
                .assertStatusCode(200));
    assertEquals("2026-11-30T10:00:00Z", report.path("from").asText());
    assertEquals(120, report.path("kpis").path("windowMinutes").asInt());
    assertEquals(12_000, report.path("kpis").path("inspected").path("total").asLong());
    JsonNode toOnly = json(get("?furnace=F1&to=2026-11-30T12:00:00Z").assertStatusCode(200));
    assertEquals("2026-11-30T04:00:00Z", toOnly.path("from").asText(), "eight hours before to");
    get("?furnace=F1&from=2026-11-23T14:00:00Z").assertStatusCode(200);
  }

  @Test
  void badQueriesAreProblems() {
    assertProblem(get(""), 422, "invalid-parameter");
    assertProblem(get("?furnace=f%201"), 422, "invalid-parameter");
    assertProblem(get("?furnace=F1&from=yesterday"), 422, "invalid-parameter");
    assertProblem(get("?furnace=F1&to=2026-13-01T00:00:00Z"), 422, "invalid-parameter");
    assertProblem(
        get("?furnace=F1&from=2026-11-30T12:00:00Z&to=2026-11-30T12:00:00Z"),
        422,
        "invalid-parameter");
    assertProblem(
        get("?furnace=F1&from=2026-11-30T13:00:00Z&to=2026-11-30T12:00:00Z"),
        422,
        "invalid-parameter");
    JsonNode tooLong =
        assertProblem(get("?furnace=F1&from=2026-11-23T13:59:59Z"), 422, "report-too-long");
    assertTrue(tooLong.path("detail").asText().contains("7 days"), tooLong::toString);
  }

  @Test
  void unknownFurnacesAndFurnacesOutOfScopeAreNotFound() {
    assertProblem(get("?furnace=F9"), 404, "furnace-not-found");
    assertProblem(get(F2_ONLY, "?furnace=F1"), 404, "furnace-not-found");
  }

  @Test
  void withoutTheGraphItsSectionsSayItIsOff() {
    TestRouteResult result =
        testRoute(route(LEAD, Optional.empty()))
            .run(HttpRequest.GET(PATH + "?furnace=F1"))
            .assertStatusCode(200);
    JsonNode report = json(result);
    for (String section : List.of("incidents", "setpointChanges", "alarms")) {
      assertFalse(report.path(section).path("available").asBoolean(), section);
      assertEquals("knowledge graph off", report.path(section).path("note").asText(), section);
    }
    TestRouteResult md =
        testRoute(route(LEAD, Optional.empty()))
            .run(HttpRequest.GET(PATH + "?furnace=F1&format=md"))
            .assertStatusCode(200);
    assertTrue(md.entityString().contains("## Incidents\n\n*knowledge graph off*"));
  }
}
