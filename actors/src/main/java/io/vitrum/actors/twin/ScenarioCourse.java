package io.vitrum.actors.twin;

import io.vitrum.core.CborSerializable;
import io.vitrum.core.twin.Trajectory;
import io.vitrum.core.twin.TrajectoryPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Both courses of a what-if, column by column: the minutes of the samples, and per figure (the keys
 * of {@code Kpis.toMap()}) its values at those minutes under the baseline and under the scenario.
 * Columns keep a course at the simulation's bounded resolution well inside one cluster message,
 * where a list of points, each naming its figures, would not be.
 *
 * @param minutes minutes from the synced state of each sample, 0 first
 * @param baseline values of each figure under the setpoints in force
 * @param scenario values of each figure with the changes applied
 */
public record ScenarioCourse(
    List<Double> minutes, Map<String, List<Double>> baseline, Map<String, List<Double>> scenario)
    implements CborSerializable {

  public static ScenarioCourse of(Trajectory baseline, Trajectory scenario) {
    List<Double> minutes = baseline.points().stream().map(p -> p.timeS() / 60).toList();
    return new ScenarioCourse(minutes, columns(baseline), columns(scenario));
  }

  private static Map<String, List<Double>> columns(Trajectory trajectory) {
    Map<String, List<Double>> columns = new LinkedHashMap<>();
    for (TrajectoryPoint point : trajectory.points()) {
      point
          .kpis()
          .toMap()
          .forEach(
              (figure, value) ->
                  columns.computeIfAbsent(figure, f -> new ArrayList<>()).add(value));
    }
    Map<String, List<Double>> frozen = new LinkedHashMap<>();
    columns.forEach((figure, values) -> frozen.put(figure, List.copyOf(values)));
    return frozen;
  }
}
