package io.vitrum.core.rl;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The mean of a furnace's latest KPI samples over a fixed number of them. A regenerative furnace's
 * instantaneous KPIs swing with its firing cycle: a reversal pause burns no gas and the minutes
 * after it burn more. A window of exactly one reversal period cancels that cycle, so a policy's
 * baseline and its degradation test see the furnace, not the valves. Not thread-safe.
 */
public final class KpiWindow {
  private final int size;
  private final ArrayDeque<Map<String, Double>> samples = new ArrayDeque<>();

  /**
   * @param size the samples a mean is made of
   * @throws IllegalArgumentException unless {@code size >= 1}
   */
  public KpiWindow(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a KPI window needs at least one sample, not " + size);
    }
    this.size = size;
  }

  /**
   * Adds {@code kpis} (dropping the oldest sample of a full window) and returns the mean of each
   * KPI named in every sample of the window, once the window is full; empty before.
   */
  public Optional<Map<String, Double>> add(Map<String, Double> kpis) {
    samples.addLast(Map.copyOf(kpis));
    if (samples.size() > size) {
      samples.removeFirst();
    }
    if (samples.size() < size) {
      return Optional.empty();
    }
    Map<String, Double> mean = new LinkedHashMap<>();
    for (String kpi : kpis.keySet()) {
      double sum = 0;
      boolean everywhere = true;
      for (Map<String, Double> s : samples) {
        Double v = s.get(kpi);
        if (v == null) {
          everywhere = false;
          break;
        }
        sum += v;
      }
      if (everywhere) {
        mean.put(kpi, sum / size);
      }
    }
    return Optional.of(mean);
  }
}
