package io.vitrum.http.report;

import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.Rollup;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.TagId;
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
import io.vitrum.streams.graph.KnowledgeGraph;
import io.vitrum.streams.history.HistoryQuery;
import io.vitrum.streams.history.SeriesPage;
import io.vitrum.streams.ingest.kafka.QuarantineRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers a {@link ShiftReport}: the figures from the minute rollups of history (exact sums and
 * counts, so a mean is the mean of the readings and a counter's total the sum of its per-minute
 * counts), incidents, setpoint changes and alarms from the knowledge graph, and the quarantine from
 * what this node holds. The sources are read at once. The graph's sections say "knowledge graph
 * off" when this node runs without it and "knowledge graph did not answer" when a query fails (the
 * failure is logged); history failing fails the report.
 *
 * <p>The graph stores instants as ISO-8601 strings whose fraction digits vary, so they are compared
 * as {@code datetime()}, never as strings.
 */
public final class ShiftReports {
  private static final Logger log = LoggerFactory.getLogger(ShiftReports.class);

  /** The most incidents, setpoint changes or alarm transitions one report lists. */
  public static final int MAX_ITEMS = 500;

  /** How many of an incident's suspected faults are listed. */
  static final int TOP_CAUSES = 3;

  static final String GRAPH_OFF = "knowledge graph off";
  static final String GRAPH_FAILED = "knowledge graph did not answer";
  static final String MODEL_ALARM_PREFIX = "model:";

  static final String INCIDENTS =
      "MATCH (i:Incident {furnace: $furnace}) WHERE datetime(i.openedAt) < datetime($to) AND"
          + " (i.closedAt IS NULL OR datetime(i.closedAt) >= datetime($from)) WITH i ORDER BY"
          + " datetime(i.openedAt) LIMIT $limit OPTIONAL MATCH (i)-[s:SUSPECTS]->(f:Fault) WITH i,"
          + " s, f ORDER BY s.rank WITH i, collect(CASE WHEN f IS NULL THEN NULL ELSE {rank:"
          + " s.rank, score: s.score, fault: f.id, name: f.name} END)[0..$causes] AS causes"
          + " OPTIONAL MATCH (a:Answer)-[:ON]->(i) WITH i, causes, a ORDER BY datetime(a.at) WITH"
          + " i, causes, collect(CASE WHEN a IS NULL THEN NULL ELSE {cause: a.cause, confirmed:"
          + " a.confirmed, by: a.by, comment: a.comment, at: a.at} END) AS answers RETURN i.id AS"
          + " id, i.defect AS defect, i.tag AS tag, i.status AS status, i.openedAt AS openedAt,"
          + " i.closedAt AS closedAt, i.closedBy AS closedBy, i.closeReason AS closeReason,"
          + " i.topCause AS topCause, causes, answers ORDER BY datetime(openedAt)";
  static final String SETPOINT_CHANGES =
      "MATCH (c:SetpointChange {furnace: $furnace}) WHERE datetime(c.at) >= datetime($from) AND"
          + " datetime(c.at) < datetime($to) RETURN c.at AS at, c.parameter AS parameter,"
          + " c.previous AS previous, c.value AS value, c.origin AS origin, c.by AS by, c.reason"
          + " AS reason ORDER BY datetime(c.at) LIMIT $limit";
  static final String ALARMS =
      "MATCH (a:Alarm {furnace: $furnace}) WHERE datetime(a.at) >= datetime($from) AND"
          + " datetime(a.at) < datetime($to) RETURN a.at AS at, a.alarmId AS alarmId, a.raised AS"
          + " raised, a.source AS source, a.severity AS severity, a.message AS message ORDER BY"
          + " datetime(a.at) LIMIT $limit";

  /** Runs a read query on the knowledge graph: {@link KnowledgeGraph#rows}. */
  @FunctionalInterface
  public interface GraphRows {
    CompletionStage<List<Map<String, Object>>> rows(String cypher, Map<String, Object> params);
  }

  private final HistoryQuery history;
  private final Optional<GraphRows> graph;
  private final QuarantineLog quarantine;
  private final Clock clock;

  /**
   * @param history the history
   * @param graph the knowledge graph, when this node runs it
   * @param quarantine the quarantine records this node holds
   * @param clock stamps the report
   */
  public ShiftReports(
      HistoryQuery history, Optional<GraphRows> graph, QuarantineLog quarantine, Clock clock) {
    this.history = history;
    this.graph = graph;
    this.quarantine = quarantine;
    this.clock = clock;
  }

  /** The reports of a node with the knowledge graph {@code graph}, when it runs one. */
  public static ShiftReports of(
      HistoryQuery history, Optional<KnowledgeGraph> graph, QuarantineLog quarantine, Clock clock) {
    return new ShiftReports(history, graph.map(g -> g::rows), quarantine, clock);
  }

  /**
   * The report of {@code furnace} over [{@code from}, {@code to}), or empty when the furnace has no
   * history at all (an unknown furnace). {@code plantWide}: the caller sees every furnace, so the
   * report may count quarantined input that names no furnace.
   */
  public CompletionStage<Optional<ShiftReport>> gather(
      String furnace, Instant from, Instant to, boolean plantWide) {
    Instant generatedAt = clock.instant();
    return history
        .tags(furnace)
        .thenCompose(
            tags -> {
              if (tags.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
              }
              CompletableFuture<Kpis> kpis = kpis(furnace, tags, from, to).toCompletableFuture();
              CompletableFuture<Section<Incident>> incidents =
                  section(INCIDENTS, furnace, from, to, ShiftReports::incident);
              CompletableFuture<Section<SetpointChange>> setpoints =
                  section(SETPOINT_CHANGES, furnace, from, to, ShiftReports::setpointChange);
              CompletableFuture<Section<Alarm>> alarms =
                  section(ALARMS, furnace, from, to, ShiftReports::alarm);
              Quarantine quarantined = quarantine(furnace, from, to, plantWide);
              return CompletableFuture.allOf(kpis, incidents, setpoints, alarms)
                  .thenApply(
                      v ->
                          Optional.of(
                              new ShiftReport(
                                  furnace,
                                  from,
                                  to,
                                  generatedAt,
                                  kpis.join(),
                                  incidents.join(),
                                  setpoints.join(),
                                  alarms.join(),
                                  quarantined)));
            });
  }

  // --- KPIs -------------------------------------------------------------------------------------

  private CompletionStage<Kpis> kpis(String furnace, List<String> known, Instant from, Instant to) {
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    long windowMinutes = Duration.between(from, to).toMinutes();
    // One more than the window can hold: a page is never cut.
    int limit = (int) Math.min(Integer.MAX_VALUE, windowMinutes + 2);
    String crownPrefix = furnace + ".crown.T";
    List<String> crownTags =
        known.stream()
            .filter(
                t -> t.startsWith(crownPrefix) && t.substring(crownPrefix.length()).matches("\\d+"))
            .toList();
    List<String> wanted = new ArrayList<>(crownTags);
    wanted.add(FurnaceTags.pullRate(furnace));
    wanted.add(FurnaceTags.gasFlow(furnace));
    wanted.add(FurnaceTags.inspected(furnace));
    for (String c : FurnaceTags.REJECT_CLASSES) {
      wanted.add(FurnaceTags.rejects(furnace, c));
    }
    Set<String> present = new HashSet<>(known);
    Map<String, CompletableFuture<List<RollupBucket>>> pages = new LinkedHashMap<>();
    for (String tag : wanted) {
      pages.put(
          tag,
          present.contains(tag)
              ? history
                  .series(tag, start, end, Resolution.MINUTE, limit)
                  .thenApply(SeriesPage::buckets)
                  .toCompletableFuture()
              : CompletableFuture.completedFuture(List.of()));
    }
    return CompletableFuture.allOf(pages.values().toArray(CompletableFuture[]::new))
        .thenApply(
            v -> {
              Map<String, List<RollupBucket>> buckets = new HashMap<>();
              pages.forEach((tag, page) -> buckets.put(tag, page.join()));
              return kpis(furnace, crownTags, buckets, windowMinutes);
            });
  }

  private static Kpis kpis(
      String furnace,
      List<String> crownTags,
      Map<String, List<RollupBucket>> buckets,
      long windowMinutes) {
    Measure pull = measure("t/day", buckets.get(FurnaceTags.pullRate(furnace)));
    Measure gas = measure("Nm3/h", buckets.get(FurnaceTags.gasFlow(furnace)));
    Measure crown = crown(crownTags, buckets);
    int thermocouples = (int) crownTags.stream().filter(t -> !buckets.get(t).isEmpty()).count();
    Double gasPerTonne =
        gas.mean() != null && pull.mean() != null && pull.mean() > 0
            ? gas.mean() * 24 / pull.mean()
            : null;
    Count inspected = count(buckets.get(FurnaceTags.inspected(furnace)));
    List<Rejects> rejects = new ArrayList<>();
    Long rejectsTotal = null;
    for (String c : FurnaceTags.REJECT_CLASSES) {
      Count n = count(buckets.get(FurnaceTags.rejects(furnace, c)));
      rejects.add(new Rejects(c, n.total(), perThousand(n.total(), inspected.total())));
      if (n.total() != null) {
        rejectsTotal = (rejectsTotal == null ? 0 : rejectsTotal) + n.total();
      }
    }
    return new Kpis(
        windowMinutes,
        pull,
        crown,
        thermocouples,
        gas,
        gasPerTonne,
        inspected,
        List.copyOf(rejects),
        rejectsTotal,
        perThousand(rejectsTotal, inspected.total()));
  }

  private static Measure measure(String unit, List<RollupBucket> buckets) {
    Optional<Rollup> all = buckets.stream().map(RollupBucket::rollup).reduce(Rollup::plus);
    return all.filter(r -> r.count() > 0)
        .map(r -> new Measure(unit, r.mean(), r.min(), r.max(), buckets.size()))
        .orElse(Measure.none(unit));
  }

  /** Each thermocouple weighs alike in the mean, whatever its sampling or gaps. */
  private static Measure crown(List<String> crownTags, Map<String, List<RollupBucket>> buckets) {
    double sumOfMeans = 0;
    int withData = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    Set<Long> minutes = new HashSet<>();
    for (String tag : crownTags) {
      Measure m = measure("degC", buckets.get(tag));
      if (m.mean() == null) {
        continue;
      }
      sumOfMeans += m.mean();
      withData++;
      min = Math.min(min, m.min());
      max = Math.max(max, m.max());
      buckets.get(tag).forEach(b -> minutes.add(b.start()));
    }
    return withData == 0
        ? Measure.none("degC")
        : new Measure("degC", sumOfMeans / withData, min, max, minutes.size());
  }

  private static Count count(List<RollupBucket> buckets) {
    if (buckets.isEmpty()) {
      return new Count(null, 0);
    }
    double sum = 0;
    for (RollupBucket b : buckets) {
      sum += b.rollup().sum();
    }
    return new Count(Math.round(sum), buckets.size());
  }

  private static Double perThousand(Long count, Long inspected) {
    return count != null && inspected != null && inspected > 0 ? 1000.0 * count / inspected : null;
  }

  // --- Knowledge graph --------------------------------------------------------------------------

  private <T> CompletableFuture<Section<T>> section(
      String cypher,
      String furnace,
      Instant from,
      Instant to,
      Function<Map<String, Object>, T> row) {
    if (graph.isEmpty()) {
      return CompletableFuture.completedFuture(Section.off(GRAPH_OFF));
    }
    Map<String, Object> params = new HashMap<>();
    params.put("furnace", furnace);
    params.put("from", from.toString());
    params.put("to", to.toString());
    params.put("limit", MAX_ITEMS + 1);
    params.put("causes", TOP_CAUSES);
    CompletionStage<List<Map<String, Object>>> rows;
    try {
      rows = graph.get().rows(cypher, params);
    } catch (RuntimeException e) {
      rows = CompletableFuture.failedFuture(e);
    }
    return rows.thenApply(found -> Section.of(found.stream().map(row).toList(), MAX_ITEMS))
        .exceptionally(
            e -> {
              log.warn("{}: the shift report's graph query failed: {}", furnace, e.toString());
              return Section.off(GRAPH_FAILED);
            })
        .toCompletableFuture();
  }

  private static Incident incident(Map<String, Object> r) {
    List<Suspect> causes = new ArrayList<>();
    for (Map<String, Object> c : maps(r.get("causes"))) {
      Double rank = number(c.get("rank"));
      causes.add(
          new Suspect(
              rank == null ? null : rank.intValue(),
              text(c.get("fault")),
              text(c.get("name")),
              number(c.get("score"))));
    }
    List<Answer> answers = new ArrayList<>();
    for (Map<String, Object> a : maps(r.get("answers"))) {
      answers.add(
          new Answer(
              text(a.get("cause")),
              a.get("confirmed") instanceof Boolean b ? b : null,
              text(a.get("by")),
              text(a.get("comment")),
              text(a.get("at"))));
    }
    return new Incident(
        text(r.get("id")),
        text(r.get("defect")),
        text(r.get("tag")),
        text(r.get("status")),
        text(r.get("openedAt")),
        text(r.get("closedAt")),
        text(r.get("closedBy")),
        text(r.get("closeReason")),
        text(r.get("topCause")),
        List.copyOf(causes),
        List.copyOf(answers));
  }

  private static SetpointChange setpointChange(Map<String, Object> r) {
    return new SetpointChange(
        text(r.get("at")),
        text(r.get("parameter")),
        number(r.get("previous")),
        number(r.get("value")),
        text(r.get("origin")),
        text(r.get("by")),
        text(r.get("reason")));
  }

  private static Alarm alarm(Map<String, Object> r) {
    String id = text(r.get("alarmId"));
    return new Alarm(
        text(r.get("at")),
        id,
        Boolean.TRUE.equals(r.get("raised")),
        id != null && id.startsWith(MODEL_ALARM_PREFIX),
        text(r.get("source")),
        text(r.get("severity")),
        text(r.get("message")));
  }

  private static String text(Object o) {
    return o == null ? null : o.toString();
  }

  private static Double number(Object o) {
    return o instanceof Number n ? n.doubleValue() : null;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object o) {
    if (!(o instanceof List<?> list)) {
      return List.of();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object e : list) {
      if (e instanceof Map<?, ?> m) {
        out.add((Map<String, Object>) m);
      }
    }
    return out;
  }

  // --- Quarantine -------------------------------------------------------------------------------

  private Quarantine quarantine(String furnace, Instant from, Instant to, boolean plantWide) {
    Optional<QuarantineLog.Held> held = quarantine.held();
    if (held.isEmpty()) {
      return Quarantine.off("ingest is off on this node: it holds no quarantine records");
    }
    List<QuarantineRecord> records = held.get().newestFirst();
    Map<List<String>, Long> counts = new HashMap<>();
    long total = 0;
    long unattributed = 0;
    Instant oldest = null;
    for (QuarantineRecord r : records) {
      Instant at = instant(r.at());
      if (at == null) {
        continue; // not written by this engine: no time to place it in a window
      }
      oldest = oldest == null || at.isBefore(oldest) ? at : oldest;
      if (at.isBefore(from) || !at.isBefore(to)) {
        continue;
      }
      if (r.tag() == null || !TagId.isValid(r.tag())) {
        unattributed++;
      } else if (TagId.furnaceOf(r.tag()).equals(furnace)) {
        total++;
        counts.merge(
            List.of(String.valueOf(r.source()), String.valueOf(r.reason())), 1L, Long::sum);
      }
    }
    List<ReasonCount> byReason =
        counts.entrySet().stream()
            .map(e -> new ReasonCount(e.getKey().get(0), e.getKey().get(1), e.getValue()))
            .sorted(
                Comparator.comparingLong(ReasonCount::count)
                    .reversed()
                    .thenComparing(ReasonCount::source)
                    .thenComparing(ReasonCount::reason))
            .toList();
    boolean complete =
        records.size() < held.get().capacity() || (oldest != null && !oldest.isAfter(from));
    String note =
        complete
            ? "from the " + records.size() + " newest quarantine records this node holds"
            : "partial: this node holds only the newest "
                + records.size()
                + " quarantine records, the oldest from "
                + oldest
                + ", after the window's start";
    return new Quarantine(
        true, note, total, byReason, plantWide ? unattributed : null, complete, oldest);
  }

  private static Instant instant(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
