package io.vitrum.http.dto;

import io.vitrum.actors.policy.PolicyRollback;
import java.util.List;

/**
 * {@code GET /api/autonomy/status}: per furnace the mode the furnace is in, its policy's status and
 * deployment with the degradation test, its open and applied recommendations and its last rollback.
 */
public record AutonomyStatusResponse(List<FurnaceAutonomy> furnaces) {

  public record FurnaceAutonomy(
      String furnace,
      String mode,
      String policy,
      PolicyResponse.DeploymentInfo deployment,
      long openRecommendations,
      long appliedRecommendations,
      PolicyRollback lastRollback) {}
}
