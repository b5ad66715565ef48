package io.vitrum.loadtests.history;

import io.vitrum.core.history.Points;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.loadtests.ingest.KafkaLoadPublisher;
import io.vitrum.streams.ingest.kafka.ReadingsRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The simulator's accepted readings, as ingest writes them to {@code vitrum.readings}. */
final class PlantReadings {
  private static final Duration STEP = Duration.ofSeconds(10);

  private PlantReadings() {}

  /** What {@link #publish} sent. */
  record Published(long points, long records, double seconds) {}

  /**
   * Publishes {@code furnaces} furnaces' readings of {@code span} from {@code start} to {@code
   * topic}: one record per tag and 10 s of plant time, keyed by tag, finite values only (what
   * validation accepts).
   */
  static Published publish(
      String bootstrap, String topic, int furnaces, Instant start, Duration span, long seed)
      throws Exception {
    PlantSimulator sim = new PlantSimulator(SimulatorConfig.of(furnaces, seed).withStart(start));
    long points = 0;
    long records = 0;
    long began = System.nanoTime();
    try (KafkaLoadPublisher producer = new KafkaLoadPublisher(bootstrap, topic)) {
      for (Duration done = Duration.ZERO; done.compareTo(span) < 0; done = done.plus(STEP)) {
        Map<String, List<ReadingsRecord.Sample>> step = new LinkedHashMap<>();
        sim.advance(
            STEP,
            r -> {
              if (Double.isFinite(r.value())) {
                step.computeIfAbsent(r.tag(), t -> new ArrayList<>())
                    .add(new ReadingsRecord.Sample(r.ts().toEpochMilli(), r.value()));
              }
            });
        for (Map.Entry<String, List<ReadingsRecord.Sample>> e : step.entrySet()) {
          byte[] value = new ReadingsRecord(e.getKey(), "sim", e.getValue()).encode();
          producer.publish(e.getKey(), value);
          points += e.getValue().size();
          records++;
        }
      }
      producer.flush();
    }
    return new Published(points, records, (System.nanoTime() - began) / 1e9);
  }

  /**
   * The first {@code count} tags of one simulated furnace over {@code span} from {@code start},
   * each as a 1 Hz series: every second holds the tag's latest reading (sample and hold), so a day
   * is exactly 86,400 points per tag.
   */
  static Map<String, Points> oneHertz(int count, Instant start, Duration span, long seed) {
    PlantSimulator sim = new PlantSimulator(SimulatorConfig.of(1, seed).withStart(start));
    List<String> tags = sim.tags().stream().map(TagSpec::tag).limit(count).toList();
    int n = (int) span.toSeconds();
    Map<String, Integer> column = new HashMap<>();
    for (int c = 0; c < tags.size(); c++) {
      column.put(tags.get(c), c);
    }
    double[] latest = new double[tags.size()];
    double[][] values = new double[tags.size()][n];
    long[] ts = new long[n];
    long t0 = start.toEpochMilli();
    for (int i = 0; i < n; i++) {
      sim.advance(
          Duration.ofSeconds(1),
          r -> {
            Integer c = column.get(r.tag());
            if (c != null && Double.isFinite(r.value())) {
              latest[c] = r.value();
            }
          });
      ts[i] = t0 + i * 1000L;
      for (int c = 0; c < tags.size(); c++) {
        values[c][i] = latest[c];
      }
    }
    Map<String, Points> out = new LinkedHashMap<>();
    for (int c = 0; c < tags.size(); c++) {
      out.put(tags.get(c), new Points(ts.clone(), values[c]));
    }
    return out;
  }
}
