package io.vitrum.core.rl;

import java.util.List;

/**
 * A policy against the plant's base controllers on held-out scenarios.
 *
 * @param scenarios held-out scenarios run
 * @param hours simulated hours per scenario
 * @param policy the policy's figures
 * @param policyMeanReward the policy's reward per interval (the baselines' is 0 by construction:
 *     the reward is scored against the base controllers)
 * @param baselines the base controllers holding the operators' setpoints, and the design recipe
 * @param energySavingPct energy per tonne saved against holding the operators' setpoints, %
 * @param gasSavingPct natural gas per tonne saved against them, %
 * @param defectRatio the policy's total defect rate over theirs (≤ 1 is equal or better)
 * @param goalMet at least {@value #GOAL_SAVING_PCT} % energy saved at a defect ratio ≤ 1 with no
 *     bound violation
 * @param scenarioNames what each scenario injected
 */
public record EvaluationReport(
    int scenarios,
    double hours,
    ControllerResult policy,
    double policyMeanReward,
    List<ControllerResult> baselines,
    double energySavingPct,
    double gasSavingPct,
    double defectRatio,
    boolean goalMet,
    List<String> scenarioNames) {

  /** The saving the issue asks for, %. */
  public static final double GOAL_SAVING_PCT = 3;

  public EvaluationReport {
    baselines = List.copyOf(baselines);
    scenarioNames = List.copyOf(scenarioNames);
  }
}
