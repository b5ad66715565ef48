package io.vitrum.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.vitrum.streams.history.ReplayRun;
import java.time.Instant;
import java.util.Locale;

/**
 * A replay and how far it has come: {@code state} is {@code running}, {@code completed}, {@code
 * failed} or {@code cancelled}; {@code position} the history time reached; {@code latest} the
 * newest feature vector of the run (its values by feature name, {@code null} for an empty window).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplayResponse(
    String id,
    String furnace,
    Instant from,
    Instant to,
    double speed,
    int tags,
    String state,
    Instant startedAt,
    Instant finishedAt,
    long points,
    Instant position,
    double progress,
    long vectors,
    FeatureVectorResponse latest,
    String error) {

  public static ReplayResponse of(ReplayRun.Progress p) {
    long span = p.request().to().toEpochMilli() - p.request().from().toEpochMilli();
    double progress =
        p.state() == ReplayRun.State.COMPLETED
            ? 1.0
            : p.position()
                .map(
                    at ->
                        Math.min(
                            1.0,
                            (at.toEpochMilli() - p.request().from().toEpochMilli() + 1)
                                / (double) span))
                .orElse(0.0);
    return new ReplayResponse(
        p.id(),
        p.request().furnace(),
        p.request().from(),
        p.request().to(),
        p.request().speed(),
        p.tags().size(),
        p.state().name().toLowerCase(Locale.ROOT),
        p.startedAt(),
        p.finishedAt().orElse(null),
        p.points(),
        p.position().orElse(null),
        progress,
        p.vectors(),
        p.latest().map(FeatureVectorResponse::of).orElse(null),
        p.error().orElse(null));
  }
}
