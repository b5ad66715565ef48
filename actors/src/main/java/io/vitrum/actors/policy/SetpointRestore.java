package io.vitrum.actors.policy;

import io.vitrum.core.plant.SetpointParameter;
import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The setpoints a rolled-back deployment puts back: for each parameter the policy moved since it
 * was deployed, the value it found there, at most one of the parameter's maximum steps from where
 * the policy left it (the furnace takes no larger step; what remains is an operator's call).
 */
final class SetpointRestore {
  private SetpointRestore() {}

  /**
   * The value to set each moved parameter to, by key, in the order the policy first moved them;
   * parameters the policy left where it found them are absent.
   *
   * @param recommendations a policy's recent recommendations
   * @param deployedAt when the rolled-back deployment began
   */
  static Map<String, Double> of(List<Recommendation> recommendations, Instant deployedAt) {
    Map<String, Double> found = new LinkedHashMap<>();
    Map<String, Double> left = new LinkedHashMap<>();
    recommendations.stream()
        .filter(r -> r.status() == RecommendationStatus.APPLIED && r.appliedAt() != null)
        .filter(r -> !r.appliedAt().isBefore(deployedAt))
        .sorted(Comparator.comparing(Recommendation::appliedAt))
        .forEach(
            r -> {
              found.putIfAbsent(r.parameter(), r.current());
              left.put(r.parameter(), r.proposed());
            });
    Map<String, Double> out = new LinkedHashMap<>();
    found.forEach(
        (key, value) -> {
          double now = left.get(key);
          double step = SetpointParameter.byKey(key).map(SetpointParameter::maxStep).orElse(0.0);
          double back = Math.max(-step, Math.min(step, value - now));
          if (back != 0) {
            out.put(key, now + back);
          }
        });
    return Collections.unmodifiableMap(out);
  }
}
