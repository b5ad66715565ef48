package io.vitrum.http.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.history.BlockPolicy;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.Rollup;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.http.report.ShiftReport.Alarm;
import io.vitrum.http.report.ShiftReport.Incident;
import io.vitrum.http.report.ShiftReport.Kpis;
import io.vitrum.http.report.ShiftReport.Quarantine;
import io.vitrum.http.report.ShiftReport.ReasonCount;
import io.vitrum.http.report.ShiftReport.Rejects;
import io.vitrum.http.report.ShiftReport.SetpointChange;
import io.vitrum.streams.history.HistoryQuery;
import io.vitrum.streams.history.InMemoryHistoryStore;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Gathering a shift report: the figures from the minute rollups of history (only the window's,
 * exact, "no data" where a tag has none), the graph's sections from its rows (or said off or
 * failed), and the quarantine of the furnace in the window.
 */
class ShiftReportsTest {
  static final Instant FROM = Instant.parse("2026-11-30T06:00:00Z");
  static final Instant TO = Instant.parse("2026-11-30T14:00:00Z");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T14:05:00Z"), ZoneOffset.UTC);

  private static HistoryQuery history;

  @BeforeAll
  static void fill() {
    InMemoryHistoryStore store = new InMemoryHistoryStore();
    fill(store);
    history = query(store);
  }

  static HistoryQuery query(InMemoryHistoryStore store) {
    return new HistoryQuery(store, new BlockPolicy(Duration.ofMinutes(10), Duration.ZERO, 10_000));
  }

  /**
   * Eight hours of F1 from {@link #FROM}, with an hour either side that must not count (outside the
   * window every value is 9999): pull 400 t/day, gas 1200 Nm³/h, crown T1 two readings a minute
   * (1500 and 1510) and T2 one (1520), crown pressure (not a thermocouple), 100 items inspected a
   * minute, one crack a minute, one bubble every other minute, no stone or chip counter.
   */
  static void fill(InMemoryHistoryStore store) {
    long from = FROM.toEpochMilli();
    long to = TO.toEpochMilli();
    put(store, "F1.pull.rate", m -> inside(m, from, to) ? new double[] {400} : new double[] {9999});
    put(store, "F1.gas.flow", m -> inside(m, from, to) ? new double[] {1200} : new double[] {9999});
    put(
        store,
        "F1.crown.T1",
        m -> inside(m, from, to) ? new double[] {1500, 1510} : new double[] {9999});
    put(store, "F1.crown.T2", m -> inside(m, from, to) ? new double[] {1520} : new double[] {9999});
    put(store, "F1.crown.P", m -> new double[] {5});
    put(
        store,
        "F1.insp.inspected",
        m -> inside(m, from, to) ? new double[] {100} : new double[] {9999});
    put(
        store,
        "F1.insp.reject.crack",
        m -> inside(m, from, to) ? new double[] {1} : new double[] {9999});
    put(
        store,
        "F1.insp.reject.bubble",
        m ->
            !inside(m, from, to)
                ? new double[] {9999}
                : (m / 60_000) % 2 == 0 ? new double[] {1} : null);
  }

  private static boolean inside(long t, long from, long to) {
    return t >= from && t < to;
  }

  /** Minute rollups of {@code tag} from an hour before the window to an hour after it. */
  static void put(InMemoryHistoryStore store, String tag, LongFunction<double[]> readings) {
    store.putTag("F1", tag);
    TreeMap<Long, List<RollupBucket>> hours = new TreeMap<>();
    long start = FROM.minus(Duration.ofHours(1)).toEpochMilli();
    long end = TO.plus(Duration.ofHours(1)).toEpochMilli();
    for (long m = start; m < end; m += 60_000) {
      double[] values = readings.apply(m);
      if (values == null) {
        continue;
      }
      Rollup r = null;
      for (int i = 0; i < values.length; i++) {
        Rollup one = Rollup.of(m + i * 1000L, values[i]);
        r = r == null ? one : r.plus(one);
      }
      hours
          .computeIfAbsent(Math.floorDiv(m, 3_600_000L) * 3_600_000L, h -> new ArrayList<>())
          .add(new RollupBucket(m, r));
    }
    hours.forEach(
        (hour, minutes) ->
            store.putHour(
                tag, hour, minutes, RollupBucket.coarsen(minutes, Resolution.HOUR).get(0)));
  }

  /** A graph answering each of the report's queries with {@code rows}, recording the calls. */
  static final class FakeGraph implements ShiftReports.GraphRows {
    final Map<String, List<Map<String, Object>>> rows = new HashMap<>();
    final List<Map<String, Object>> calls = new ArrayList<>();

    @Override
    public CompletableFuture<List<Map<String, Object>>> rows(
        String cypher, Map<String, Object> params) {
      calls.add(params);
      String kind =
          cypher.contains(":Incident")
              ? "incidents"
              : cypher.contains(":SetpointChange") ? "setpoints" : "alarms";
      return CompletableFuture.completedFuture(rows.getOrDefault(kind, List.of()));
    }
  }

  static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return m;
  }

  /** Rows as Neo4j's driver gives them: integers as Long, lists of maps, nulls. */
  static FakeGraph sampleGraph() {
    FakeGraph g = new FakeGraph();
    g.rows.put(
        "incidents",
        List.of(
            row(
                "id",
                "inc-1",
                "defect",
                "crack",
                "tag",
                null,
                "status",
                "closed",
                "openedAt",
                "2026-11-30T07:00:00Z",
                "closedAt",
                "2026-11-30T09:00:00.25Z",
                "closedBy",
                "bob",
                "closeReason",
                "lehr fixed",
                "topCause",
                "lehr-cooling-too-fast",
                "causes",
                List.of(
                    row("rank", 1L, "score", 0.8, "fault", "lehr-cooling-too-fast", "name", "Lehr"),
                    row("rank", 2L, "score", 0.1, "fault", "gob-too-cold", "name", null)),
                "answers",
                List.of(
                    row(
                        "cause",
                        "lehr-cooling-too-fast",
                        "confirmed",
                        true,
                        "by",
                        "alice",
                        "comment",
                        "fan 3",
                        "at",
                        "2026-11-30T08:00:00Z")))));
    g.rows.put(
        "setpoints",
        List.of(
            row(
                "at",
                "2026-11-30T08:15:00Z",
                "parameter",
                "crownTemperature",
                "previous",
                1560L,
                "value",
                1570.5,
                "origin",
                "OPERATOR",
                "by",
                "alice",
                "reason",
                "seeds")));
    g.rows.put(
        "alarms",
        List.of(
            row(
                "at",
                "2026-11-30T07:00:00Z",
                "alarmId",
                "model:defect-risk",
                "raised",
                true,
                "source",
                "forecaster",
                "severity",
                "warning",
                "message",
                "crack risk"),
            row(
                "at",
                "2026-11-30T07:30:00Z",
                "alarmId",
                "F1.crown.T3:high",
                "raised",
                false,
                "source",
                null,
                "severity",
                null,
                "message",
                null)));
    return g;
  }

  private static ShiftReport gather(
      Optional<ShiftReports.GraphRows> graph, QuarantineLog quarantine, boolean plantWide) {
    return new ShiftReports(history, graph, quarantine, CLOCK)
        .gather("F1", FROM, TO, plantWide)
        .toCompletableFuture()
        .join()
        .orElseThrow();
  }

  private static final QuarantineLog NO_INGEST = Optional::empty;

  @Test
  void figuresAreTheWindowsOnly() {
    ShiftReport report = gather(Optional.empty(), NO_INGEST, true);
    assertEquals("F1", report.furnace());
    assertEquals(FROM, report.from());
    assertEquals(TO, report.to());
    assertEquals(CLOCK.instant(), report.generatedAt());
    Kpis k = report.kpis();
    assertEquals(480, k.windowMinutes());
    assertEquals(400.0, k.pull().mean());
    assertEquals(400.0, k.pull().max(), "nothing from outside the window");
    assertEquals(480, k.pull().minutes());
    assertEquals("t/day", k.pull().unit());
    assertEquals(1200.0, k.gas().mean());
    assertEquals(72.0, k.gasPerTonne(), 1e-9);
    assertEquals(2, k.crownThermocouples(), "crown.P is no thermocouple");
    assertEquals((1505.0 + 1520.0) / 2, k.crown().mean(), 1e-9, "thermocouples weigh alike");
    assertEquals(1500.0, k.crown().min());
    assertEquals(1520.0, k.crown().max());
    assertEquals(48_000L, k.inspected().total());
    assertEquals(
        List.of(
            new Rejects("crack", 480L, 10.0),
            new Rejects("bubble", 240L, 5.0),
            new Rejects("stone", null, null),
            new Rejects("chip", null, null)),
        k.rejects());
    assertEquals(720L, k.rejectsTotal());
    assertEquals(15.0, k.rejectsPerThousand(), 1e-9);
  }

  @Test
  void aWindowWithoutDataHasNoFigures() {
    Instant from = Instant.parse("2026-12-24T00:00:00Z");
    ShiftReport report =
        new ShiftReports(history, Optional.empty(), NO_INGEST, CLOCK)
            .gather("F1", from, from.plus(Duration.ofHours(8)), true)
            .toCompletableFuture()
            .join()
            .orElseThrow();
    Kpis k = report.kpis();
    assertNull(k.pull().mean());
    assertEquals(0, k.pull().minutes());
    assertNull(k.crown().mean());
    assertEquals(0, k.crownThermocouples());
    assertNull(k.gasPerTonne());
    assertNull(k.inspected().total());
    assertNull(k.rejectsTotal());
    assertNull(k.rejectsPerThousand());
    assertTrue(k.rejects().stream().allMatch(r -> r.count() == null && r.perThousand() == null));
  }

  @Test
  void aFurnaceWithoutHistoryIsUnknown() {
    assertEquals(
        Optional.empty(),
        new ShiftReports(history, Optional.empty(), NO_INGEST, CLOCK)
            .gather("F9", FROM, TO, true)
            .toCompletableFuture()
            .join());
  }

  @Test
  void withoutTheGraphItsSectionsSayItIsOff() {
    ShiftReport report = gather(Optional.empty(), NO_INGEST, true);
    for (ShiftReport.Section<?> s :
        List.of(report.incidents(), report.setpointChanges(), report.alarms())) {
      assertFalse(s.available());
      assertEquals("knowledge graph off", s.note());
      assertTrue(s.items().isEmpty());
    }
  }

  @Test
  void aGraphThatFailsIsSaidSoAndTheRestStands() {
    ShiftReports.GraphRows failing =
        (cypher, params) -> CompletableFuture.failedFuture(new IllegalStateException("down"));
    ShiftReport report = gather(Optional.of(failing), NO_INGEST, true);
    assertEquals("knowledge graph did not answer", report.incidents().note());
    assertEquals("knowledge graph did not answer", report.alarms().note());
    assertEquals(400.0, report.kpis().pull().mean());
    ShiftReports.GraphRows throwing =
        (cypher, params) -> {
          throw new IllegalStateException("driver closed");
        };
    assertEquals(
        "knowledge graph did not answer",
        gather(Optional.of(throwing), NO_INGEST, true).setpointChanges().note());
  }

  @Test
  void theGraphsRowsBecomeIncidentsSetpointChangesAndAlarms() {
    FakeGraph graph = sampleGraph();
    ShiftReport report = gather(Optional.of(graph), NO_INGEST, true);
    assertEquals(3, graph.calls.size());
    for (Map<String, Object> params : graph.calls) {
      assertEquals("F1", params.get("furnace"));
      assertEquals("2026-11-30T06:00:00Z", params.get("from"));
      assertEquals("2026-11-30T14:00:00Z", params.get("to"));
      assertEquals(ShiftReports.MAX_ITEMS + 1, params.get("limit"));
    }
    assertTrue(report.incidents().available());
    Incident i = report.incidents().items().get(0);
    assertEquals("inc-1", i.id());
    assertEquals("closed", i.status());
    assertEquals("bob", i.closedBy());
    assertEquals("lehr fixed", i.closeReason());
    assertEquals(2, i.causes().size());
    assertEquals(1, i.causes().get(0).rank());
    assertEquals("lehr-cooling-too-fast", i.causes().get(0).fault());
    assertEquals(0.8, i.causes().get(0).score());
    assertNull(i.causes().get(1).name());
    assertEquals(true, i.answers().get(0).confirmed());
    assertEquals("alice", i.answers().get(0).by());
    SetpointChange c = report.setpointChanges().items().get(0);
    assertEquals(1560.0, c.previous(), "an integer from the graph");
    assertEquals(1570.5, c.value());
    assertEquals("seeds", c.reason());
    List<Alarm> alarms = report.alarms().items();
    assertTrue(alarms.get(0).model() && alarms.get(0).raised());
    assertFalse(alarms.get(1).model() || alarms.get(1).raised());
  }

  @Test
  void longListsAreCut() {
    FakeGraph graph = new FakeGraph();
    List<Map<String, Object>> many = new ArrayList<>();
    for (int n = 0; n <= ShiftReports.MAX_ITEMS; n++) {
      many.add(row("at", "2026-11-30T08:00:00Z", "alarmId", "a" + n, "raised", true));
    }
    graph.rows.put("alarms", many);
    ShiftReport.Section<Alarm> alarms = gather(Optional.of(graph), NO_INGEST, true).alarms();
    assertTrue(alarms.truncated());
    assertEquals(ShiftReports.MAX_ITEMS, alarms.items().size());
    assertEquals("only the first " + ShiftReports.MAX_ITEMS + " are shown", alarms.note());
  }

  static QuarantineRecord quarantined(String at, String source, String reason, String tag) {
    return new QuarantineRecord(at, source, reason, "detail", tag, null, null, "utf8", "{}");
  }

  static List<QuarantineRecord> quarantineRecords() {
    // Newest first, as the store gives them.
    return List.of(
        quarantined("2026-11-30T14:00:00Z", "mqtt", "unit-mismatch", "F1.crown.T1"),
        quarantined("2026-11-30T13:00:00Z", "mqtt", "unit-mismatch", "F1.crown.T1"),
        quarantined("2026-11-30T12:00:00.5Z", "mqtt", "unit-mismatch", "F1.crown.T2"),
        quarantined("2026-11-30T11:00:00Z", "sensor", "out-of-range", "F1.gas.flow"),
        quarantined("2026-11-30T10:00:00Z", "mqtt", "unit-mismatch", "F2.crown.T1"),
        quarantined("2026-11-30T09:00:00Z", "kafka", "malformed", null),
        quarantined("not a time", "kafka", "malformed", "F1.crown.T1"),
        quarantined("2026-11-30T05:59:59Z", "opcua", "bad-quality", "F1.crown.T1"));
  }

  @Test
  void quarantineCountsTheFurnacesRecordsInTheWindow() {
    QuarantineLog log = () -> Optional.of(new QuarantineLog.Held(quarantineRecords(), 100));
    Quarantine q = gather(Optional.empty(), log, true).quarantine();
    assertTrue(q.available());
    assertEquals(3, q.total());
    assertEquals(
        List.of(
            new ReasonCount("mqtt", "unit-mismatch", 2),
            new ReasonCount("sensor", "out-of-range", 1)),
        q.byReason());
    assertEquals(1L, q.unattributed());
    assertTrue(q.complete());
    assertEquals(Instant.parse("2026-11-30T05:59:59Z"), q.oldestHeld());
    assertNull(
        gather(Optional.empty(), log, false).quarantine().unattributed(),
        "malformed input is only counted for callers who see every furnace");
  }

  @Test
  void quarantineHeldOnlyFromAfterTheWindowsStartIsPartial() {
    List<QuarantineRecord> newest = quarantineRecords().subList(0, 4);
    QuarantineLog log = () -> Optional.of(new QuarantineLog.Held(newest, newest.size()));
    Quarantine q = gather(Optional.empty(), log, true).quarantine();
    assertFalse(q.complete());
    assertEquals(3, q.total());
    assertTrue(q.note().startsWith("partial"), q.note());
  }

  @Test
  void withoutIngestQuarantineIsNotAvailable() {
    Quarantine q = gather(Optional.empty(), NO_INGEST, true).quarantine();
    assertFalse(q.available());
    assertTrue(q.note().contains("ingest is off"), q.note());
  }
}
