package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The block format on the simulator's own F1 tags, two hours in 10-minute blocks: sizes printed.
 */
class BlockCodecSimulatorTest {
  private static final long BLOCK_MILLIS = Duration.ofMinutes(10).toMillis();

  @Test
  void decimalTagsCompressToUnderTwoBytesAPointAndEveryBlockRoundTrips() {
    PlantSimulator plant = new PlantSimulator(SimulatorConfig.of(1, 2025));
    Map<String, TagSpec> specs = new LinkedHashMap<>();
    Map<String, Map<Long, Series>> blocks = new LinkedHashMap<>();
    for (TagSpec spec : plant.tags()) {
      specs.put(spec.tag(), spec);
      blocks.put(spec.tag(), new LinkedHashMap<>());
    }
    plant.advance(
        Duration.ofHours(2),
        r -> {
          long ts = r.ts().toEpochMilli();
          blocks
              .get(r.tag())
              .computeIfAbsent(Math.floorDiv(ts, BLOCK_MILLIS), w -> new Series())
              .add(ts, r.value());
        });
    Tally all = new Tally("all");
    Tally temperatures = new Tally("temperatures");
    Tally others = new Tally("others");
    Map<String, Tally> byTag = new LinkedHashMap<>();
    for (Map.Entry<String, Map<Long, Series>> tag : blocks.entrySet()) {
      Tally kind = specs.get(tag.getKey()).unit().equals("degC") ? temperatures : others;
      Tally own = byTag.computeIfAbsent(tag.getKey(), Tally::new);
      for (Series series : tag.getValue().values()) {
        Points points = series.points();
        byte[] block = BlockCodec.encode(points);
        assertEquals(points, BlockCodec.decode(block), tag.getKey());
        byte[] gorilla = gorilla(points);
        for (Tally t : List.of(all, kind, own)) {
          t.add(points.size(), block, gorilla.length + 1);
        }
      }
    }
    for (Tally t : byTag.values()) {
      System.out.println(t);
    }
    System.out.println(temperatures);
    System.out.println(others);
    System.out.println(all);
    // Every transmitter reports at a decimal step (0.1 degC, or the power of ten just below 16-bit
    // resolution of its span): the decimal layout applies to every block.
    assertEquals(0, temperatures.fallbacks, temperatures.toString());
    assertEquals(0, others.fallbacks, others.toString());
    assertTrue(temperatures.blockBytesPerPoint() <= 2.0, temperatures.toString());
    assertTrue(all.blockBytesPerPoint() <= 2.0, all.toString());
    assertTrue(all.blockBytesPerPoint() <= all.gorillaBytesPerPoint() / 2, all.toString());
  }

  private static byte[] gorilla(Points points) {
    GorillaEncoder encoder = new GorillaEncoder();
    for (int i = 0; i < points.size(); i++) {
      encoder.add(points.timestamps()[i], points.values()[i]);
    }
    return encoder.toBytes();
  }

  /** The points of one tag in one block window, as they come. */
  private static final class Series {
    private final List<long[]> times = new ArrayList<>();
    private long[] ts = new long[64];
    private double[] vs = new double[64];
    private int size;

    void add(long t, double v) {
      if (size == ts.length) {
        ts = Arrays.copyOf(ts, 2 * size);
        vs = Arrays.copyOf(vs, 2 * size);
      }
      ts[size] = t;
      vs[size] = v;
      size++;
    }

    Points points() {
      return new Points(Arrays.copyOf(ts, size), Arrays.copyOf(vs, size));
    }
  }

  /** Points, block bytes and Gorilla bytes summed over blocks. */
  private static final class Tally {
    private final String name;
    private long points;
    private long blockBytes;
    private long gorillaBytes;
    private int blocks;
    private int fallbacks;

    Tally(String name) {
      this.name = name;
    }

    void add(int n, byte[] block, int gorilla) {
      points += n;
      blockBytes += block.length;
      gorillaBytes += gorilla;
      blocks++;
      if (block[0] == 'G') {
        fallbacks++;
      }
    }

    double gorillaBytesPerPoint() {
      return (double) gorillaBytes / points;
    }

    double blockBytesPerPoint() {
      return (double) blockBytes / points;
    }

    @Override
    public String toString() {
      return String.format(
          "%-24s %7d points %4d blocks %4d 'G': block %.3f, Gorilla %.3f bytes/point",
          name, points, blocks, fallbacks, blockBytesPerPoint(), gorillaBytesPerPoint());
    }
  }
}
