package io.vitrum.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.TagSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FurnaceFeaturesTest {
  private static final long T0 = 1_764_583_200_000L;
  private static final List<String> TAGS = List.of("F1.crown.T1", "F1.crown.T2", "F1.glass.level");
  private static final FeatureSchema SCHEMA =
      new FeatureSchema(
          1, Duration.ofSeconds(10), List.of(Duration.ofSeconds(30), Duration.ofMinutes(1)));

  private record Reading(String tag, long ts, double value) {}

  /** Three tags at 1 Hz for five minutes, each with its own jitter and trend. */
  private static List<List<Reading>> perTag(long seed) {
    Random random = new Random(seed);
    List<List<Reading>> series = new ArrayList<>();
    for (int k = 0; k < TAGS.size(); k++) {
      List<Reading> s = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        s.add(
            new Reading(
                TAGS.get(k),
                T0 + i * 1000L + random.nextInt(200),
                1500 + k * 10 + i * 0.1 + random.nextGaussian()));
      }
      series.add(s);
    }
    return series;
  }

  private static List<FeatureVector> run(List<Reading> order, String run) {
    FurnaceFeatures f = new FurnaceFeatures("F1", run, SCHEMA, TAGS);
    List<FeatureVector> out = new ArrayList<>();
    for (Reading r : order) {
      out.addAll(f.add(r.tag(), r.ts(), r.value()));
    }
    return out;
  }

  @Test
  void theSameReadingsInAnyInterleavingGiveTheSameVectors() {
    List<List<Reading>> series = perTag(3);
    // In time order across tags (a replay).
    List<Reading> merged = new ArrayList<>();
    series.forEach(merged::addAll);
    merged.sort((a, b) -> Long.compare(a.ts(), b.ts()));
    // Tag after tag in chunks of 40 (partitions read in turns), each tag still in order.
    List<Reading> chunked = new ArrayList<>();
    int[] next = new int[series.size()];
    Random random = new Random(9);
    while (chunked.size() < merged.size()) {
      int k = random.nextInt(series.size());
      for (int i = 0; i < 40 && next[k] < series.get(k).size(); i++) {
        chunked.add(series.get(k).get(next[k]++));
      }
    }
    List<FeatureVector> replay = run(merged, "replay-1");
    List<FeatureVector> live = run(chunked, "live");
    assertTrue(replay.size() > 25, "vectors every 10 s over five minutes");
    assertEquals(replay.size(), live.size());
    for (int i = 0; i < replay.size(); i++) {
      assertTrue(replay.get(i).sameFeatures(live.get(i)), "vector " + i);
      assertEquals(T0 + (i + 1) * 10_000L, replay.get(i).at());
    }
  }

  @Test
  void statisticsEqualABatchComputationOverTheWindow() {
    List<List<Reading>> series = perTag(5);
    List<Reading> merged = new ArrayList<>();
    series.forEach(merged::addAll);
    merged.sort((a, b) -> Long.compare(a.ts(), b.ts()));
    List<FeatureVector> vectors = run(merged, "live");
    FeatureVector v = vectors.get(20);
    List<Reading> t2 = series.get(1);
    long end = v.at();
    long start = end - 60_000;
    List<Reading> in = t2.stream().filter(r -> r.ts() >= start && r.ts() < end).toList();
    double mean = in.stream().mapToDouble(Reading::value).average().orElseThrow();
    double var =
        in.stream().mapToDouble(r -> (r.value() - mean) * (r.value() - mean)).sum()
            / (in.size() - 1);
    // Slope by least squares over (seconds, value).
    double mt = in.stream().mapToDouble(r -> (r.ts() - start) / 1000.0).average().orElseThrow();
    double cov =
        in.stream().mapToDouble(r -> ((r.ts() - start) / 1000.0 - mt) * (r.value() - mean)).sum();
    double vt = in.stream().mapToDouble(r -> Math.pow((r.ts() - start) / 1000.0 - mt, 2)).sum();
    int base = v.names().indexOf("F1.crown.T2:1m:mean");
    assertEquals(mean, v.values()[base], 1e-9);
    assertEquals(Math.sqrt(var), v.values()[base + 1], 1e-9);
    assertEquals(in.stream().mapToDouble(Reading::value).min().orElseThrow(), v.values()[base + 2]);
    assertEquals(in.stream().mapToDouble(Reading::value).max().orElseThrow(), v.values()[base + 3]);
    assertEquals(cov / vt, v.values()[base + 4], 1e-6);
  }

  @Test
  void aSilentTagHoldsTheVectorsBackUntilAdvanced() {
    FurnaceFeatures f = new FurnaceFeatures("F1", "live", SCHEMA, TAGS);
    List<FeatureVector> out = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      out.addAll(f.add("F1.crown.T1", T0 + i * 1000L, i));
      out.addAll(f.add("F1.crown.T2", T0 + i * 1000L, i));
    }
    assertTrue(out.isEmpty(), "F1.glass.level has not reported");
    List<FeatureVector> forced = f.advanceTo(T0 + 60_000);
    assertEquals(6, forced.size());
    FeatureVector last = forced.get(5);
    int level = last.names().indexOf("F1.glass.level:30s:mean");
    assertTrue(Double.isNaN(last.values()[level]));
    // The 30 s window before T0 + 60 s holds the readings 30..59.
    assertArrayEquals(
        new double[] {44.5},
        new double[] {last.values()[last.names().indexOf("F1.crown.T1:30s:mean")]},
        1e-12);
  }

  @Test
  void domainFeaturesComeFromTheVectorsOwnWindowMeans() {
    List<String> tags = FurnaceTags.of("F1").stream().map(TagSpec::tag).toList();
    FurnaceFeatures f = new FurnaceFeatures("F1", "live", SCHEMA, tags);
    List<FeatureVector> out = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < 90; i++) {
      for (int k = 0; k < tags.size(); k++) {
        out.addAll(f.add(tags.get(k), T0 + i * 1000L, 1200 + 7 * k + random.nextGaussian()));
      }
    }
    FeatureVector v = out.get(out.size() - 1);
    double crown = 0;
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      crown += v.values()[v.names().indexOf(FurnaceTags.crown("F1", i) + ":30s:mean")];
    }
    double throat = v.values()[v.names().indexOf(FurnaceTags.throat("F1") + ":30s:mean")];
    double gradient = v.values()[v.names().indexOf("domain:gradient.crownMelt")];
    assertEquals(crown / FurnaceTags.CROWN_THERMOCOUPLES - throat, gradient, 1e-9);
    double left = v.values()[v.names().indexOf(FurnaceTags.regeneratorTop("F1", 'L') + ":1m:mean")];
    double right =
        v.values()[v.names().indexOf(FurnaceTags.regeneratorTop("F1", 'R') + ":1m:mean")];
    assertEquals(left - right, v.values()[v.names().indexOf("domain:regenAsymmetry")], 1e-9);
    assertEquals(v.names().size(), v.values().length);
  }
}
