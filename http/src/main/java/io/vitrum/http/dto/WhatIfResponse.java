package io.vitrum.http.dto;

import io.vitrum.core.twin.Trajectory;
import io.vitrum.core.twin.WhatIfOutcome;
import java.util.List;
import java.util.Map;

/**
 * Reply to {@code POST /api/twin/{furnace}/what-if}: the recorded scenario's id, the setpoints of
 * baseline and scenario, the figures of both over the final window and their difference (scenario −
 * baseline: defect rates by class per 1000 items, energy per tonne, viscosities at throat and gob,
 * lehr stress, temperatures), and both trajectories sampled every minute.
 */
public record WhatIfResponse(
    String scenarioId,
    double horizonMinutes,
    List<TwinResponse.Change> changes,
    Map<String, Double> baselineSetpoints,
    Map<String, Double> scenarioSetpoints,
    Map<String, Double> baseline,
    Map<String, Double> scenario,
    Map<String, Double> delta,
    Trajectories trajectories) {

  /** Both courses, point by point. */
  public record Trajectories(List<Point> baseline, List<Point> scenario) {}

  /** One sample of a course: minutes from now and the figures then. */
  public record Point(double minute, Map<String, Double> kpis) {}

  public static WhatIfResponse of(String scenarioId, WhatIfOutcome.Completed o) {
    return new WhatIfResponse(
        scenarioId,
        o.horizonS() / 60,
        o.changes().stream().map(TwinResponse.Change::of).toList(),
        o.baselineSetpoints().toKeyMap(),
        o.scenarioSetpoints().toKeyMap(),
        o.baseline().summary().toMap(),
        o.scenario().summary().toMap(),
        o.delta().toMap(),
        new Trajectories(points(o.baseline()), points(o.scenario())));
  }

  private static List<Point> points(Trajectory t) {
    return t.points().stream().map(p -> new Point(p.timeS() / 60, p.kpis().toMap())).toList();
  }
}
