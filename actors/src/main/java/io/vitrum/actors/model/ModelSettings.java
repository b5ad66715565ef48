package io.vitrum.actors.model;

import com.typesafe.config.Config;

/**
 * The Model entity, from {@code vitrum.model}.
 *
 * @param rollbackMargin the active version is rolled back automatically when a live metric is worse
 *     than its card's held-out figure by more than this share of it
 * @param snapshotEvery events between snapshots
 * @param retrainPsi a retrain is due when an input column's live PSI exceeds this
 */
public record ModelSettings(double rollbackMargin, int snapshotEvery, double retrainPsi) {
  public static ModelSettings create(Config config) {
    Config c = config.getConfig("vitrum.model");
    return new ModelSettings(
        c.getDouble("rollback-margin"), c.getInt("snapshot-every"), c.getDouble("retrain-psi"));
  }
}
