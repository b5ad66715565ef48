package io.vitrum.http.dto;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/training/status}: per model what it was trained on and how well, and whether a
 * retrain is due.
 *
 * @param models one entry per model with versions on disk
 */
public record TrainingStatusResponse(List<ModelTraining> models) {
  /**
   * @param name the model
   * @param active the active version (the Model entity's), {@code null} when none is registered
   * @param versions every version on disk, oldest first
   * @param liveQuality the active version's latest live figures
   * @param liveDrift the active version's latest PSI per input column
   * @param retrainDue whether a retrain is due
   * @param reasons why (its card misses a floor, a live figure is worse than its card, an input has
   *     drifted from its training distribution)
   */
  public record ModelTraining(
      String name,
      String active,
      List<VersionTraining> versions,
      Map<String, Double> liveQuality,
      Map<String, Double> liveDrift,
      boolean retrainDue,
      List<String> reasons) {}

  /**
   * @param version the version
   * @param dataHash the hash of the data it was trained on
   * @param seed the training seed
   * @param wallSeconds how long training took
   * @param heldOut its held-out metrics
   * @param floorsMet whether they met every floor
   */
  public record VersionTraining(
      String version,
      String dataHash,
      Long seed,
      Double wallSeconds,
      Map<String, Double> heldOut,
      boolean floorsMet) {}
}
