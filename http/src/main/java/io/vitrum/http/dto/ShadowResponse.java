package io.vitrum.http.dto;

import io.vitrum.actors.twin.Twin;
import io.vitrum.core.twin.ShadowReport;
import java.util.List;
import java.util.Map;

/**
 * A shadow run: whether it is active, the candidate changes, how long it has run alongside the
 * plant, the RMS divergence of the virtual line from the real one per figure, and the mean
 * difference (candidate − actual) per figure.
 */
public record ShadowResponse(
    boolean active,
    List<TwinResponse.Change> candidate,
    double minutes,
    long samples,
    Map<String, Double> rmsDivergence,
    Map<String, Double> meanDifference) {

  public static ShadowResponse of(Twin.ShadowStatus status) {
    ShadowReport r = status.report();
    if (r == null) {
      return new ShadowResponse(status.active(), List.of(), 0, 0, Map.of(), Map.of());
    }
    return new ShadowResponse(
        status.active(),
        r.candidate().stream().map(TwinResponse.Change::of).toList(),
        r.elapsedS() / 60,
        r.samples(),
        r.rmsDivergence(),
        r.meanDifference());
  }
}
