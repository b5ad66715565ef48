package io.vitrum.http.dto;

import io.vitrum.actors.policy.Deployment;
import io.vitrum.actors.policy.Policy;
import io.vitrum.actors.policy.PolicyRollback;
import io.vitrum.actors.policy.PolicyVersion;
import io.vitrum.actors.policy.RecommendationStatus;
import io.vitrum.actors.policy.TrainingRun;
import io.vitrum.core.rl.Cusum;
import io.vitrum.core.rl.EvaluationReport;
import io.vitrum.core.rl.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /api/policies/{furnace}}: the furnace's policy. {@code version} is the deployed one,
 * else the latest, else the committed production version a fresh node offers; {@code evaluation} is
 * that version's held-out evaluation; {@code training} the latest run with its curve; {@code
 * deployment} with its degradation test (the CUSUM statistic per KPI against its threshold) and,
 * after its first change, when that test watches again and when it proposes again.
 */
public record PolicyResponse(
    String furnace,
    String status,
    String version,
    EvaluationReport evaluation,
    Training training,
    String evaluating,
    DeploymentInfo deployment,
    int baselineSamples,
    int baselineNeeded,
    PolicyRollback lastRollback,
    List<VersionInfo> versions,
    long openRecommendations) {

  /** A training run: {@code progress} is its latest iteration. */
  public record Training(
      String status,
      int iterations,
      String requestedBy,
      Instant startedAt,
      Instant endedAt,
      String version,
      String detail,
      TrainingProgress progress,
      List<TrainingProgress> curve) {}

  /** A deployment and its degradation test. */
  public record DeploymentInfo(
      String version,
      String mode,
      String requestedBy,
      String reason,
      Instant at,
      boolean baselineSet,
      Map<String, Double> baselineMean,
      Map<String, Double> cusum,
      Double threshold,
      Instant lastChangeAt,
      Instant watchingFrom,
      Instant proposesFrom) {}

  /** A version and its headline figures. */
  public record VersionInfo(
      String version,
      boolean evaluated,
      Boolean goalMet,
      Double energySavingPct,
      Double defectRatio,
      Long boundViolations,
      Instant at) {}

  public static PolicyResponse of(
      Policy.PolicyView view, Optional<PolicyVersion> committed, int baselineNeeded) {
    List<PolicyVersion> versions = new ArrayList<>(view.versions());
    String status = view.status();
    if (committed.isPresent()
        && versions.stream().noneMatch(v -> v.version().equals(committed.get().version()))) {
      versions.add(0, committed.get());
      if (status.equals("untrained")) {
        status = "trained";
      }
    }
    Deployment d = view.deployment();
    Optional<PolicyVersion> shown =
        d != null
            ? versions.stream().filter(v -> v.version().equals(d.version())).findFirst()
            : versions.isEmpty()
                ? Optional.empty()
                : Optional.of(versions.get(versions.size() - 1));
    return new PolicyResponse(
        view.furnaceId(),
        status,
        shown.map(PolicyVersion::version).orElse(null),
        shown.map(PolicyVersion::evaluation).orElse(null),
        training(view.training()),
        view.evaluating(),
        deployment(view),
        view.baselineSamples(),
        baselineNeeded,
        view.lastRollback(),
        versions.stream().map(PolicyResponse::version).toList(),
        view.recommendations().stream()
            .filter(r -> r.status() == RecommendationStatus.OPEN)
            .count());
  }

  private static Training training(TrainingRun t) {
    if (t == null) {
      return null;
    }
    return new Training(
        t.status().name().toLowerCase(Locale.ROOT),
        t.iterations(),
        t.requestedBy(),
        t.startedAt(),
        t.endedAt(),
        t.version(),
        t.detail(),
        t.curve().isEmpty() ? null : t.curve().get(t.curve().size() - 1),
        t.curve());
  }

  static DeploymentInfo deployment(Policy.PolicyView view) {
    Deployment d = view.deployment();
    if (d == null) {
      return null;
    }
    Map<String, Double> mean = new LinkedHashMap<>();
    Map<String, Double> cusum = new LinkedHashMap<>();
    Double threshold = null;
    for (Cusum c : d.detectors()) {
      mean.put(c.baseline().kpi(), c.baseline().mean());
      cusum.put(c.baseline().kpi(), c.statistic());
      threshold = c.threshold();
    }
    return new DeploymentInfo(
        d.version(),
        d.mode().name().toLowerCase(Locale.ROOT),
        d.requestedBy(),
        d.reason(),
        d.at(),
        d.watching(),
        mean,
        cusum,
        threshold,
        view.lastChangeAt(),
        view.watchingFrom(),
        view.proposesFrom());
  }

  private static VersionInfo version(PolicyVersion v) {
    EvaluationReport e = v.evaluation();
    return new VersionInfo(
        v.version(),
        e != null,
        e == null ? null : e.goalMet(),
        e == null ? null : e.energySavingPct(),
        e == null ? null : e.defectRatio(),
        e == null ? null : e.policy().boundViolations(),
        v.at());
  }
}
