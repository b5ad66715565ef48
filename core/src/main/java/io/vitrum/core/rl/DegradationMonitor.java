package io.vitrum.core.rl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The degradation test of a deployed policy over all the KPIs it may harm: one {@link Cusum} per
 * KPI, fed a row of KPI values at a time, so the engine rolls the policy back as soon as any KPI is
 * worse than its baseline. Immutable: {@link #add} returns the next state.
 */
public final class DegradationMonitor {
  private final Map<String, Cusum> detectors;
  private final List<String> firingOrder;

  private DegradationMonitor(Map<String, Cusum> detectors, List<String> firingOrder) {
    this.detectors = Collections.unmodifiableMap(detectors);
    this.firingOrder = List.copyOf(firingOrder);
  }

  /**
   * A monitor that has seen nothing yet, a detector per baseline with the same slack and threshold.
   *
   * @throws IllegalArgumentException with no baselines, or two for one KPI
   */
  public static DegradationMonitor start(
      List<KpiBaseline> baselines, double slack, double threshold) {
    if (baselines.isEmpty()) {
      throw new IllegalArgumentException("a monitor needs a KPI to watch");
    }
    Map<String, Cusum> detectors = new LinkedHashMap<>();
    for (KpiBaseline baseline : baselines) {
      if (detectors.put(baseline.kpi(), Cusum.start(baseline, slack, threshold)) != null) {
        throw new IllegalArgumentException("two baselines for " + baseline.kpi());
      }
    }
    return new DegradationMonitor(detectors, List.of());
  }

  /**
   * A monitor over {@code detectors} as they stand (e.g. kept in an entity's state), in their
   * order; those that have fired count as having fired in the order of the samples they fired at.
   *
   * @throws IllegalArgumentException with no detectors, or two for one KPI
   */
  public static DegradationMonitor resume(List<Cusum> detectors) {
    if (detectors.isEmpty()) {
      throw new IllegalArgumentException("a monitor needs a KPI to watch");
    }
    Map<String, Cusum> byKpi = new LinkedHashMap<>();
    for (Cusum c : detectors) {
      if (byKpi.put(c.baseline().kpi(), c) != null) {
        throw new IllegalArgumentException("two detectors for " + c.baseline().kpi());
      }
    }
    List<String> fired =
        detectors.stream()
            .filter(Cusum::fired)
            .sorted(Comparator.comparingLong(c -> c.evidence().orElseThrow().firedAt()))
            .map(c -> c.baseline().kpi())
            .toList();
    return new DegradationMonitor(byKpi, fired);
  }

  /** The detectors, in the order of their baselines. */
  public List<Cusum> detectors() {
    return List.copyOf(detectors.values());
  }

  /**
   * The state after one row of KPI values by name. KPIs without a baseline are ignored, and so are
   * watched ones that are absent or {@code null}: their detectors are left as they were.
   */
  public DegradationMonitor add(Map<String, Double> kpis) {
    Map<String, Cusum> next = new LinkedHashMap<>(detectors);
    List<String> fired = new ArrayList<>(firingOrder);
    for (Map.Entry<String, Cusum> e : detectors.entrySet()) {
      Double value = kpis.get(e.getKey());
      if (value == null) {
        continue;
      }
      Cusum after = e.getValue().add(value);
      next.put(e.getKey(), after);
      if (after.fired() && !e.getValue().fired()) {
        fired.add(e.getKey());
      }
    }
    return new DegradationMonitor(next, fired);
  }

  /**
   * The evidence of the KPI that fired first, if any has; KPIs that fired on the same row come in
   * the order of their baselines.
   */
  public Optional<DegradationEvidence> firstFired() {
    return firingOrder.isEmpty() ? Optional.empty() : detectors.get(firingOrder.get(0)).evidence();
  }

  /** Each KPI's CUSUM statistic, in baseline deviations, in the order of the baselines. */
  public Map<String, Double> statistics() {
    Map<String, Double> out = new LinkedHashMap<>();
    detectors.forEach((kpi, cusum) -> out.put(kpi, cusum.statistic()));
    return Collections.unmodifiableMap(out);
  }
}
