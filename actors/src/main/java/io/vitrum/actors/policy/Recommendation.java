package io.vitrum.actors.policy;

import io.vitrum.core.plant.AutonomyMode;
import java.time.Instant;
import java.util.Map;

/**
 * One setpoint change a deployed policy proposed, and what became of it: the audit of a policy's
 * action.
 *
 * @param id {@code <furnace>.<n>}, unique per furnace and never reused
 * @param version the policy version that proposed it
 * @param mode the autonomy mode it was proposed in
 * @param parameter the setpoint's key
 * @param current its value when proposed
 * @param proposed the value proposed, inside the shield's safe set
 * @param expectedEffect the twin's expected change of each KPI an hour after applying it alone
 * @param kpisBefore the furnace's KPIs when proposed
 * @param reason why, in words
 * @param createdAt when proposed
 * @param expiresAt when an undecided proposal lapses
 * @param status where it stands
 * @param decidedBy who approved or rejected it ({@code version} when it applied itself)
 * @param detail the outcome in words (the furnace's answer, why it failed or lapsed)
 * @param closedAt when it reached a final status, null before
 * @param appliedAt when the furnace accepted it, null unless applied
 * @param measuredEffect the KPIs' measured change since it was proposed, an hour after it was
 *     applied; null until measured
 */
public record Recommendation(
    String id,
    String version,
    AutonomyMode mode,
    String parameter,
    double current,
    double proposed,
    Map<String, Double> expectedEffect,
    Map<String, Double> kpisBefore,
    String reason,
    Instant createdAt,
    Instant expiresAt,
    RecommendationStatus status,
    String decidedBy,
    String detail,
    Instant closedAt,
    Instant appliedAt,
    Map<String, Double> measuredEffect) {

  public Recommendation {
    expectedEffect = expectedEffect == null ? Map.of() : Map.copyOf(expectedEffect);
    kpisBefore = kpisBefore == null ? Map.of() : Map.copyOf(kpisBefore);
    measuredEffect = measuredEffect == null ? null : Map.copyOf(measuredEffect);
  }

  /** Whether it waits for a decision and has lapsed by {@code now}. */
  public boolean lapsed(Instant now) {
    return status == RecommendationStatus.OPEN && !now.isBefore(expiresAt);
  }

  Recommendation with(RecommendationStatus next, String by, String why, Instant at) {
    return new Recommendation(
        id,
        version,
        mode,
        parameter,
        current,
        proposed,
        expectedEffect,
        kpisBefore,
        reason,
        createdAt,
        expiresAt,
        next,
        by == null ? decidedBy : by,
        why,
        next.closed() ? at : closedAt,
        next == RecommendationStatus.APPLIED ? at : appliedAt,
        measuredEffect);
  }

  Recommendation measured(Map<String, Double> effect) {
    return new Recommendation(
        id,
        version,
        mode,
        parameter,
        current,
        proposed,
        expectedEffect,
        kpisBefore,
        reason,
        createdAt,
        expiresAt,
        status,
        decidedBy,
        detail,
        closedAt,
        appliedAt,
        effect);
  }
}
