package io.vitrum.core.causal;

import io.vitrum.core.physics.Setpoints;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a root-cause analysis looks at for one incident: the furnace's process tags on one grid from
 * a baseline well before the incident to now, the models' attributions, and the setpoints in force
 * (for the physics check).
 *
 * @param furnace the furnace
 * @param subject what the incident is about
 * @param openedAt when the incident was opened (the defect rise or anomaly was seen)
 * @param baselineEnd end of the healthy baseline: slots before it describe the normal plant
 * @param series process tags by id, all on the same grid
 * @param attributions the models' attribution of the risk to tags, by tag id (non-negative weights,
 *     any scale); empty when no model explained it
 * @param setpoints the supervisory setpoints in force
 */
public record Evidence(
    String furnace,
    Subject subject,
    Instant openedAt,
    Instant baselineEnd,
    Map<String, TagSeries> series,
    Map<String, Double> attributions,
    Setpoints setpoints) {

  public Evidence {
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(openedAt, "openedAt");
    Objects.requireNonNull(baselineEnd, "baselineEnd");
    Objects.requireNonNull(setpoints, "setpoints");
    series = Map.copyOf(series);
    attributions = Map.copyOf(attributions);
    if (baselineEnd.isAfter(openedAt)) {
      throw new IllegalArgumentException("the baseline must end before the incident opened");
    }
  }

  /** The tag ids, sorted. */
  public List<String> tags() {
    return series.keySet().stream().sorted().toList();
  }

  /** Start of the grid, or {@code openedAt} when there is no series. */
  public Instant start() {
    return series.values().stream().map(TagSeries::start).min(Instant::compareTo).orElse(openedAt);
  }

  /** End of the grid (the last slot's end), or {@code openedAt} when there is no series. */
  public Instant end() {
    return series.values().stream()
        .map(t -> t.slotStart(t.size()))
        .max(Instant::compareTo)
        .orElse(openedAt);
  }

  /** Slot width of the grid, one minute when there is no series. */
  public Duration step() {
    return series.values().stream().map(TagSeries::step).findFirst().orElse(Duration.ofMinutes(1));
  }

  /** A copy with other attributions. */
  public Evidence withAttributions(Map<String, Double> weights) {
    return new Evidence(
        furnace, subject, openedAt, baselineEnd, series, new LinkedHashMap<>(weights), setpoints);
  }
}
