package io.vitrum.core.causal.ask;

import java.time.Instant;
import java.util.List;

/**
 * What an answer may say about one incident.
 *
 * @param id the incident id
 * @param furnace its furnace
 * @param defect its reject class, or {@code anomaly}
 * @param tag for an anomaly, the sensor; null otherwise
 * @param open whether it is still open
 * @param openedAt when it opened
 * @param causes its latest ranked causes, best first (possibly empty)
 */
public record IncidentFact(
    String id,
    String furnace,
    String defect,
    String tag,
    boolean open,
    Instant openedAt,
    List<CauseFact> causes) {

  public IncidentFact {
    causes = List.copyOf(causes);
  }

  /**
   * One ranked cause.
   *
   * @param cause the fault id
   * @param name English name
   * @param nameRu Russian name
   * @param score share of belief, 0-1
   * @param evidence the strongest supporting observation, or null
   */
  public record CauseFact(
      String cause, String name, String nameRu, double score, String evidence) {}
}
