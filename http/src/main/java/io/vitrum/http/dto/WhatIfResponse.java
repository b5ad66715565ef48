package io.vitrum.http.dto;

import io.vitrum.actors.twin.Scenario;
import io.vitrum.actors.twin.ScenarioCourse;
import io.vitrum.core.physics.Setpoints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A what-if: the recorded scenario's id, the setpoints of baseline and scenario, the figures of
 * both over the final window and their difference (scenario − baseline: defect rates by class per
 * 1000 items, energy per tonne, viscosities at throat and gob, lehr stress, temperatures), and both
 * trajectories, a point a minute up to the twin's bounded resolution (longer horizons are sampled
 * more coarsely). The answer to {@code POST /api/twin/{furnace}/what-if} and to {@code GET
 * /api/twin/{furnace}/scenarios/{id}}; {@code trajectories} is null when the twin keeps only the
 * recorded summary (after it restarted).
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

  public static WhatIfResponse of(Scenario s, ScenarioCourse course) {
    return new WhatIfResponse(
        s.scenarioId(),
        s.horizonS() / 60,
        s.changes().stream().map(TwinResponse.Change::of).toList(),
        keys(s.baselineSetpoints()),
        keys(s.scenarioSetpoints()),
        s.baseline().toMap(),
        s.scenario().toMap(),
        s.delta().toMap(),
        course == null
            ? null
            : new Trajectories(
                points(course.minutes(), course.baseline()),
                points(course.minutes(), course.scenario())));
  }

  private static Map<String, Double> keys(Setpoints setpoints) {
    return setpoints == null ? null : setpoints.toKeyMap();
  }

  private static List<Point> points(List<Double> minutes, Map<String, List<Double>> columns) {
    List<Point> points = new ArrayList<>(minutes.size());
    for (int i = 0; i < minutes.size(); i++) {
      Map<String, Double> kpis = new LinkedHashMap<>();
      int sample = i;
      columns.forEach((figure, values) -> kpis.put(figure, values.get(sample)));
      points.add(new Point(minutes.get(i), kpis));
    }
    return points;
  }
}
