package io.vitrum.http.dto;

import io.vitrum.actors.policy.Recommendation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One recommendation as the API shows it: {@code id, parameter, current, proposed, expectedEffect,
 * reason, createdAt} (what the dashboard lists) and its audit: furnace, version, mode, status, who
 * decided, the outcome, when it applied and its measured effect.
 */
public record RecommendationResponse(
    String id,
    String furnace,
    String version,
    String mode,
    String parameter,
    double current,
    double proposed,
    Map<String, Double> expectedEffect,
    String reason,
    Instant createdAt,
    Instant expiresAt,
    String status,
    String decidedBy,
    String detail,
    Instant appliedAt,
    Map<String, Double> kpisBefore,
    Map<String, Double> measuredEffect) {

  public static RecommendationResponse of(String furnace, Recommendation r) {
    return new RecommendationResponse(
        r.id(),
        furnace,
        r.version(),
        r.mode().name().toLowerCase(Locale.ROOT),
        r.parameter(),
        r.current(),
        r.proposed(),
        r.expectedEffect(),
        r.reason(),
        r.createdAt(),
        r.expiresAt(),
        r.status().name().toLowerCase(Locale.ROOT),
        r.decidedBy(),
        r.detail(),
        r.appliedAt(),
        r.kpisBefore(),
        r.measuredEffect());
  }

  /** {@code GET /api/recommendations}: {@code {"recommendations":[...]}}, newest first. */
  public record Page(List<RecommendationResponse> recommendations) {}
}
