package io.vitrum.actors.policy;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tuning of the Policy entity, from {@code vitrum.policy}.
 *
 * @param approvalTimeout how long a recommendation waits for an operator's decision
 * @param baselineSamples KPI samples a deployment's baseline needs at least
 * @param baselineWindow the most recent KPI samples a baseline is made of
 * @param baselineMaxAge samples older than this at deployment are not part of its baseline
 * @param minRelativeStd the least baseline deviation, as a share of the KPI's mean
 * @param settleAfter samples this soon after an applied change do not feed the degradation test
 * @param watchAfterSettling how long a settled change is watched before the policy proposes again
 * @param cusumSlack the CUSUM slack {@code k}, in baseline deviations
 * @param cusumThreshold the CUSUM threshold {@code h}, in baseline deviations
 * @param keepRecommendations how many recent recommendations the entity lists
 * @param snapshotEvery take a snapshot every this many events
 */
public record PolicySettings(
    Duration approvalTimeout,
    int baselineSamples,
    int baselineWindow,
    Duration baselineMaxAge,
    double minRelativeStd,
    Duration settleAfter,
    Duration watchAfterSettling,
    double cusumSlack,
    double cusumThreshold,
    int keepRecommendations,
    int snapshotEvery) {

  public PolicySettings {
    if (baselineSamples < 2 || baselineWindow < baselineSamples) {
      throw new IllegalArgumentException(
          "a baseline needs at least 2 samples within its window, not "
              + baselineSamples
              + " of "
              + baselineWindow);
    }
  }

  public static PolicySettings create(Config config) {
    Config c = config.getConfig("vitrum.policy");
    return new PolicySettings(
        c.getDuration("approval-timeout"),
        c.getInt("baseline-samples"),
        c.getInt("baseline-window"),
        c.getDuration("baseline-max-age"),
        c.getDouble("min-relative-std"),
        c.getDuration("settle-after"),
        c.getDuration("watch-after-settling"),
        c.getDouble("cusum-slack"),
        c.getDouble("cusum-threshold"),
        c.getInt("keep-recommendations"),
        c.getInt("snapshot-every"));
  }
}
