package io.vitrum.actors.furnace;

import io.vitrum.actors.sensor.AnomalyListener;
import io.vitrum.core.plant.AnomalyLevel;
import java.time.Instant;
import java.util.Locale;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * Turns a sensor's anomaly transitions into alarms on its furnace: one alarm per sensor, whose id
 * is the sensor's tag. Delivery is at most once (a fire-and-forget command after the sensor
 * persisted the transition); the sensor's journal remains the record.
 */
public final class FurnaceAlarms implements AnomalyListener {
  private final ActorSystem<?> system;
  private final ClusterSharding sharding;

  public FurnaceAlarms(ActorSystem<?> system) {
    this.system = system;
    this.sharding = ClusterSharding.get(system);
  }

  @Override
  public void raised(String tag, String furnace, AnomalyLevel level, double value, Instant ts) {
    String message = "%s is %s: %s".formatted(tag, level.name().toLowerCase(Locale.ROOT), value);
    sharding
        .entityRefFor(Furnace.ENTITY_KEY, furnace)
        .tell(new Furnace.RaiseAlarm(tag, tag, "warning", message, ts, system.ignoreRef()));
  }

  @Override
  public void cleared(String tag, String furnace, double value, Instant ts) {
    sharding
        .entityRefFor(Furnace.ENTITY_KEY, furnace)
        .tell(new Furnace.ClearAlarm(tag, ts, system.ignoreRef()));
  }
}
