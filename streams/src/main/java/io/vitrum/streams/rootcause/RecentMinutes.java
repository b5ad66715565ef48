package io.vitrum.streams.rootcause;

import io.vitrum.core.causal.TagSeries;
import io.vitrum.core.plant.TagId;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The last hours of every tag on this node as 1-minute means, fed by the live feature stage's
 * readings: what a root-cause analysis reads, fresher than the history (whose minute rollups are
 * written as blocks close). Thread-safe; bounded to {@code minutes} slots per tag.
 */
public final class RecentMinutes {
  private final int minutes;
  private final Map<String, Ring> tags = new ConcurrentHashMap<>();

  public RecentMinutes(Duration keep) {
    this.minutes = (int) Math.max(1, keep.toMinutes());
  }

  /** Records one reading. */
  public void add(String tag, long epochMillis, double value) {
    if (Double.isFinite(value)) {
      tags.computeIfAbsent(tag, t -> new Ring(minutes)).add(epochMillis / 60_000, value);
    }
  }

  /** Every tag of {@code furnace} over whole minutes {@code [from, to)}, NaN where none. */
  public Map<String, TagSeries> series(String furnace, Instant from, Instant to) {
    long first = Math.floorDiv(from.toEpochMilli(), 60_000);
    long last = Math.floorDiv(to.toEpochMilli(), 60_000);
    Map<String, TagSeries> out = new HashMap<>();
    tags.forEach(
        (tag, ring) -> {
          if (TagId.furnaceOf(tag).equals(furnace) && !tag.startsWith(furnace + ".insp.")) {
            out.put(
                tag,
                new TagSeries(
                    tag,
                    Instant.ofEpochMilli(first * 60_000),
                    Duration.ofMinutes(1),
                    ring.means(first, last)));
          }
        });
    return out;
  }

  /** The 1-minute means of {@code tag} over whole minutes {@code [from, to)}, NaN where none. */
  public double[] minutes(String tag, Instant from, Instant to) {
    long first = Math.floorDiv(from.toEpochMilli(), 60_000);
    long last = Math.floorDiv(to.toEpochMilli(), 60_000);
    Ring ring = tags.get(tag);
    if (ring == null) {
      double[] none = new double[(int) Math.max(0, last - first)];
      Arrays.fill(none, Double.NaN);
      return none;
    }
    return ring.means(first, last);
  }

  /** The furnaces this node has seen readings of. */
  public Set<String> furnaces() {
    Set<String> out = new TreeSet<>();
    tags.keySet().forEach(t -> out.add(TagId.furnaceOf(t)));
    return out;
  }

  /** One tag's minute sums and counts, indexed by minute modulo the size. */
  private static final class Ring {
    private final long[] minute;
    private final double[] sum;
    private final int[] count;

    Ring(int size) {
      minute = new long[size];
      sum = new double[size];
      count = new int[size];
      Arrays.fill(minute, Long.MIN_VALUE);
    }

    synchronized void add(long m, double value) {
      int i = (int) Math.floorMod(m, minute.length);
      if (minute[i] != m) {
        if (minute[i] > m) {
          return; // older than what the ring keeps
        }
        minute[i] = m;
        sum[i] = 0;
        count[i] = 0;
      }
      sum[i] += value;
      count[i]++;
    }

    synchronized double[] means(long first, long last) {
      double[] out = new double[(int) Math.max(0, last - first)];
      for (long m = first; m < last; m++) {
        int i = (int) Math.floorMod(m, minute.length);
        out[(int) (m - first)] = minute[i] == m && count[i] > 0 ? sum[i] / count[i] : Double.NaN;
      }
      return out;
    }
  }
}
