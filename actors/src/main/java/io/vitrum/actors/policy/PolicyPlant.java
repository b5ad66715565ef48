package io.vitrum.actors.policy;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.core.plant.AutonomyMode;
import io.vitrum.core.plant.SetpointOrigin;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * How a policy reaches its furnace: every change goes through the Furnace entity, which applies it
 * only within its bounds (and a policy's own only in autonomous mode) and writes it to the plant.
 */
public interface PolicyPlant {

  CompletionStage<Confirmation> changeSetpoint(
      String furnaceId,
      String parameter,
      double value,
      SetpointOrigin origin,
      String requestedBy,
      String reason);

  CompletionStage<Confirmation> setAutonomyMode(
      String furnaceId, AutonomyMode mode, String requestedBy, String reason);

  /** The sharded Furnace entities, each asked with {@code timeout}. */
  static PolicyPlant furnaces(ClusterSharding sharding, Duration timeout) {
    return new PolicyPlant() {
      @Override
      public CompletionStage<Confirmation> changeSetpoint(
          String furnaceId,
          String parameter,
          double value,
          SetpointOrigin origin,
          String requestedBy,
          String reason) {
        return sharding
            .entityRefFor(Furnace.ENTITY_KEY, furnaceId)
            .ask(
                r -> new Furnace.ChangeSetpoint(parameter, value, origin, requestedBy, reason, r),
                timeout);
      }

      @Override
      public CompletionStage<Confirmation> setAutonomyMode(
          String furnaceId, AutonomyMode mode, String requestedBy, String reason) {
        return sharding
            .entityRefFor(Furnace.ENTITY_KEY, furnaceId)
            .ask(r -> new Furnace.SetAutonomyMode(mode, requestedBy, reason, r), timeout);
      }
    };
  }
}
