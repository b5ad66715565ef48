package io.vitrum.http.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import io.vitrum.core.history.Points;
import io.vitrum.core.history.Resolution;
import io.vitrum.core.history.RollupBucket;
import io.vitrum.core.security.Role;
import io.vitrum.http.testing.ApiClient.Reply;
import io.vitrum.http.testing.Schemas;
import io.vitrum.http.testing.TestApi;
import io.vitrum.http.testing.TestSecurity;
import io.vitrum.streams.history.InMemoryHistoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The history API over an in-memory history holding two hours of two F1 tags at 1 Hz (T2 misses
 * every tenth second): raw points and rollups as JSON and CSV, auto steps, the bound on one answer
 * and paging, problems for bad queries and unknown tags, several tags on one axis, and replays
 * through the feature stage.
 */
class HistoryRoutesTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private static final String T1 = "F1.crown.T1";
  private static final String T2 = "F1.crown.T2";
  private static final int MAX_POINTS = 5_000;
  private static TestApi api;

  @BeforeAll
  static void start() throws Exception {
    api =
        TestApi.start(
            "HistoryRoutesTest",
            ConfigFactory.parseString("vitrum.history.query.max-points = " + MAX_POINTS));
    fill(api.history(), T1, 1);
    fill(api.history(), T2, 10);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  /** Two hours of {@code tag} at 1 Hz, leaving out every {@code gap}-th second (1: none). */
  private static void fill(InMemoryHistoryStore store, String tag, int gap) {
    store.putTag("F1", tag);
    long t0 = T0.toEpochMilli();
    for (long window = t0; window < t0 + 7_200_000; window += 600_000) {
      List<long[]> ts = new ArrayList<>();
      List<Double> vs = new ArrayList<>();
      for (long t = window; t < window + 600_000; t += 1000) {
        long second = (t - t0) / 1000;
        if (gap > 1 && second % gap == 0) {
          continue;
        }
        ts.add(new long[] {t});
        vs.add(value(tag, second));
      }
      Points p =
          new Points(
              ts.stream().mapToLong(a -> a[0]).toArray(),
              vs.stream().mapToDouble(Double::doubleValue).toArray());
      store.putBlock(tag, window, window + 600_000, p);
      long hour = Math.floorDiv(window, 3_600_000L) * 3_600_000L;
      List<RollupBucket> minutes =
          new ArrayList<>(store.minutesOfHour(tag, hour).toCompletableFuture().join());
      minutes.addAll(RollupBucket.of(p, Resolution.MINUTE));
      store.putHour(tag, hour, minutes, RollupBucket.coarsen(minutes, Resolution.HOUR).get(0));
    }
  }

  private static double value(String tag, long second) {
    return Math.rint((tag.equals(T1) ? 1500 : 1400) * 10 + second % 97) / 10;
  }

  private static String at(long seconds) {
    return T0.plusSeconds(seconds).toString();
  }

  private static Reply get(String path) {
    return api.client().get(path);
  }

  @Test
  void rawPointsAreTheStoredOnesInTheRange() {
    Reply reply =
        get("/api/sensors/" + T1 + "/history?from=" + at(5) + "&to=" + at(15) + "&step=raw");
    assertEquals(200, reply.status(), reply::toString);
    Schemas.assertValid("SensorHistoryResponse", reply.body());
    JsonNode json = reply.json();
    assertEquals(T1, json.path("tag").asText());
    assertEquals("raw", json.path("step").asText());
    JsonNode points = json.path("points");
    assertEquals(10, points.size());
    for (int i = 0; i < 10; i++) {
      assertEquals(at(5 + i), points.get(i).path("ts").asText());
      assertEquals(value(T1, 5 + i), points.get(i).path("value").asDouble());
    }
    assertTrue(json.path("next").isMissingNode());
  }

  @Test
  void rollupsCarryTheirAggregatesAndAggChoosesTheValue() {
    Reply reply =
        get(
            "/api/sensors/"
                + T2
                + "/history?from="
                + at(0)
                + "&to="
                + at(7200)
                + "&step=1m&agg=max");
    assertEquals(200, reply.status(), reply::toString);
    Schemas.assertValid("SensorHistoryResponse", reply.body());
    JsonNode points = reply.json().path("points");
    assertEquals(120, points.size());
    JsonNode first = points.get(0);
    assertEquals(54, first.path("count").asInt(), "every tenth second missing");
    assertEquals(first.path("max").asDouble(), first.path("value").asDouble());
    assertEquals("max", reply.json().path("agg").asText());
    double mean = 0;
    int n = 0;
    for (long s = 0; s < 60; s++) {
      if (s % 10 != 0) {
        mean += value(T2, s);
        n++;
      }
    }
    assertEquals(mean / n, first.path("mean").asDouble(), 1e-9);
    Reply hours =
        get("/api/sensors/" + T2 + "/history?from=" + at(0) + "&to=" + at(7200) + "&step=1h");
    assertEquals(2, hours.json().path("points").size());
    assertEquals(3240, hours.json().path("points").get(0).path("count").asInt());
  }

  @Test
  void autoPicksTheCoarsestStepWithFiveHundredPoints() {
    assertEquals(
        "raw",
        get("/api/sensors/" + T1 + "/history?from=" + at(0) + "&to=" + at(3600))
            .json()
            .path("step")
            .asText());
    assertEquals(
        "1m",
        get("/api/sensors/" + T1 + "/history?from=" + at(-9 * 86400) + "&to=" + at(86400))
            .json()
            .path("step")
            .asText());
    assertEquals(
        "1h",
        get("/api/sensors/" + T1 + "/history?from=" + at(-30 * 86400) + "&to=" + at(86400))
            .json()
            .path("step")
            .asText());
  }

  @Test
  void csvHasAHeaderAndALinePerPoint() {
    Reply raw =
        api.client()
            .get(
                "/api/sensors/" + T1 + "/history?from=" + at(0) + "&to=" + at(3) + "&step=raw",
                "Accept",
                "text/csv");
    assertEquals(200, raw.status(), raw::toString);
    assertTrue(raw.contentType().startsWith("text/csv"), raw.contentType());
    assertEquals(
        "ts,value\n"
            + at(0)
            + ","
            + value(T1, 0)
            + "\n"
            + at(1)
            + ","
            + value(T1, 1)
            + "\n"
            + at(2)
            + ","
            + value(T1, 2)
            + "\n",
        raw.body());
    Reply rollups =
        api.client()
            .get(
                "/api/sensors/" + T1 + "/history?from=" + at(0) + "&to=" + at(120) + "&step=1m",
                "Accept",
                "text/csv");
    String[] lines = rollups.body().split("\n");
    assertEquals("ts,value,count,min,max,mean,last", lines[0]);
    assertEquals(3, lines.length);
    assertTrue(lines[1].startsWith(at(0) + ","), lines[1]);
    assertTrue(lines[1].contains(",60,"), lines[1]);
  }

  @Test
  void aRangeOverTheBoundIsRefusedUnlessPagedAndPagesJoinUp() {
    String path = "/api/sensors/" + T1 + "/history?from=" + at(0) + "&to=" + at(7200) + "&step=raw";
    Reply refused = get(path);
    assertEquals(422, refused.status(), refused::toString);
    assertEquals("history-too-large", refused.json().path("code").asText());
    assertTrue(refused.body().contains("limit"), refused.body());

    List<String> seen = new ArrayList<>();
    String from = at(0);
    int pages = 0;
    while (from != null) {
      Reply page =
          get(
              "/api/sensors/"
                  + T1
                  + "/history?from="
                  + from
                  + "&to="
                  + at(7200)
                  + "&step=raw&limit=3000");
      assertEquals(200, page.status(), page::toString);
      page.json().path("points").forEach(p -> seen.add(p.path("ts").asText()));
      JsonNode next = page.json().path("next");
      assertEquals(
          next.isMissingNode() ? null : next.asText(), page.header("Vitrum-Next").orElse(null));
      from = next.isMissingNode() ? null : next.asText();
      pages++;
    }
    assertEquals(3, pages);
    assertEquals(7200, seen.size());
    assertEquals(at(0), seen.get(0));
    assertEquals(at(7199), seen.get(7199));
    assertEquals(7200, seen.stream().distinct().count(), "no point twice");
  }

  @Test
  void badQueriesAreProblems() {
    String base = "/api/sensors/" + T1 + "/history?";
    Map<String, String> bad = new TreeMap<>();
    bad.put("step=5m", "step");
    bad.put("agg=median", "agg");
    bad.put("from=" + at(10) + "&to=" + at(5), "before");
    bad.put("from=yesterday", "ISO-8601");
    bad.put("from=" + at(-40 * 86400) + "&to=" + at(0) + "&step=raw", "31 days");
    bad.put("limit=0", "limit");
    bad.forEach(
        (query, mentions) -> {
          Reply reply = get(base + query);
          assertEquals(422, reply.status(), query + " -> " + reply);
          assertEquals("invalid-parameter", reply.json().path("code").asText(), query);
          assertTrue(
              reply.json().path("detail").asText().contains(mentions), query + " -> " + reply);
        });
    Reply unknown = get("/api/sensors/F1.crown.T9/history");
    assertEquals(404, unknown.status(), unknown::toString);
    assertEquals("sensor-not-found", unknown.json().path("code").asText());
    assertEquals(400, get("/api/sensors/not-a-tag/history").status());
  }

  @Test
  void aFurnacesTagsShareOneTimeAxis() {
    Reply reply =
        get(
            "/api/furnaces/F1/history?tags="
                + T1
                + ","
                + T2
                + "&from="
                + at(0)
                + "&to="
                + at(20)
                + "&step=raw");
    assertEquals(200, reply.status(), reply::toString);
    Schemas.assertValid("FurnaceHistoryResponse", reply.body());
    JsonNode json = reply.json();
    assertEquals(
        List.of(T1, T2),
        List.of(json.path("tags").get(0).asText(), json.path("tags").get(1).asText()));
    JsonNode rows = json.path("points");
    assertEquals(20, rows.size());
    assertTrue(rows.get(0).path("values").get(1).isNull(), "T2 has no point at second 0");
    assertEquals(value(T2, 1), rows.get(1).path("values").get(1).asDouble());
    assertEquals(value(T1, 10), rows.get(10).path("values").get(0).asDouble());

    Reply csv =
        api.client()
            .get(
                "/api/furnaces/F1/history?from=" + at(0) + "&to=" + at(2) + "&step=raw",
                "Accept",
                "text/csv");
    assertEquals(
        "ts,"
            + T1
            + ","
            + T2
            + "\n"
            + at(0)
            + ","
            + value(T1, 0)
            + ",\n"
            + at(1)
            + ","
            + value(T1, 1)
            + ","
            + value(T2, 1)
            + "\n",
        csv.body(),
        "every tag it has history of, an empty cell where one has no point");

    assertEquals(422, get("/api/furnaces/F1/history?tags=F2.crown.T1").status());
    assertEquals(404, get("/api/furnaces/F1/history?tags=F1.crown.T9").status());
    Reply none = get("/api/furnaces/F7/history");
    assertEquals(404, none.status(), none::toString);
    assertEquals("furnace-not-found", none.json().path("code").asText());
  }

  @Test
  void aTokenOutsideTheFurnaceSeesNoHistory() {
    String f2 = TestSecurity.token("viewer-f2", List.of(Role.VIEWER), List.of("F2"));
    Reply reply = api.client().withToken(f2).get("/api/sensors/" + T1 + "/history");
    assertEquals(404, reply.status(), reply::toString);
    assertEquals(404, api.client().withToken(f2).get("/api/furnaces/F1/history").status());
  }

  @Test
  void aReplayRunsThroughTheFeatureStageAndReportsItsProgress() {
    Reply started =
        api.client()
            .postJson(
                "/api/replay",
                "{\"furnace\":\"F1\",\"from\":\""
                    + at(0)
                    + "\",\"to\":\""
                    + at(1800)
                    + "\",\"speed\":0}");
    assertEquals(202, started.status(), started::toString);
    Schemas.assertValid("ReplayResponse", started.body());
    String id = started.json().path("id").asText();
    assertEquals("/api/replay/" + id, started.header("Location").orElseThrow());
    Reply progress =
        api.testKit()
            .createTestProbe()
            .awaitAssert(
                Duration.ofSeconds(20),
                () -> {
                  Reply r = get("/api/replay/" + id);
                  assertEquals("completed", r.json().path("state").asText(), r.toString());
                  return r;
                });
    assertEquals("completed", progress.json().path("state").asText(), progress.toString());
    Schemas.assertValid("ReplayResponse", progress.body());
    assertEquals(1800 + 1800 - 180, progress.json().path("points").asLong(), "every point once");
    assertEquals(180, progress.json().path("vectors").asLong(), "a vector every 10 s");
    JsonNode latest = progress.json().path("latest");
    assertEquals(id, latest.path("run").asText());
    assertEquals(at(1800), latest.path("at").asText());
    assertTrue(latest.path("features").has(T1 + ":1m:mean"));
    assertEquals(1.0, progress.json().path("progress").asDouble());

    assertEquals(200, api.client().delete("/api/replay/" + id).status());
    String f2 = TestSecurity.token("op-f2", List.of(Role.OPERATOR), List.of("F2"));
    assertEquals(404, api.client().withToken(f2).get("/api/replay/" + id).status());
  }

  @Test
  void aReplayThatCannotStartIsAProblem() {
    Reply none =
        api.client()
            .postJson(
                "/api/replay",
                "{\"furnace\":\"F7\",\"from\":\"" + at(0) + "\",\"to\":\"" + at(60) + "\"}");
    assertEquals(404, none.status(), none::toString);
    Reply backwards =
        api.client()
            .postJson(
                "/api/replay",
                "{\"furnace\":\"F1\",\"from\":\"" + at(60) + "\",\"to\":\"" + at(0) + "\"}");
    assertEquals(422, backwards.status(), backwards::toString);
    String viewer = TestSecurity.token("viewer", Role.VIEWER);
    assertEquals(
        403,
        api.client()
            .withToken(viewer)
            .postJson(
                "/api/replay",
                "{\"furnace\":\"F1\",\"from\":\"" + at(0) + "\",\"to\":\"" + at(60) + "\"}")
            .status());
    String f2 = TestSecurity.token("op-f2", List.of(Role.OPERATOR), List.of("F2"));
    assertEquals(
        404,
        api.client()
            .withToken(f2)
            .postJson(
                "/api/replay",
                "{\"furnace\":\"F1\",\"from\":\"" + at(0) + "\",\"to\":\"" + at(60) + "\"}")
            .status());
    assertEquals(404, get("/api/replay/replay-unknown").status());
  }

  @Test
  void latestFeaturesNeedAFurnaceAndAVector() {
    assertEquals(422, get("/api/features/latest").status());
    Reply none = get("/api/features/latest?furnace=F1");
    assertEquals(404, none.status(), none::toString);
    assertEquals("features-not-found", none.json().path("code").asText());
  }
}
