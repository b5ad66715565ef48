package io.vitrum.actors.sensor;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * Tuning of the Sensor entity, from {@code vitrum.sensor}.
 *
 * @param window length of the tumbling statistics window
 * @param checkpointEveryReadings persist the live window after this many accepted readings
 * @param checkpointInterval persist the live window when the last checkpoint is older
 * @param maxClockSkew how far in the future a reading's timestamp may lie
 * @param snapshotEvery take a snapshot every this many events
 * @param anomalyTagSlices how many tags anomaly events are spread over (projection instances)
 */
public record SensorSettings(
    Duration window,
    int checkpointEveryReadings,
    Duration checkpointInterval,
    Duration maxClockSkew,
    int snapshotEvery,
    int anomalyTagSlices) {

  public static SensorSettings create(Config config) {
    Config c = config.getConfig("vitrum.sensor");
    return new SensorSettings(
        c.getDuration("window"),
        c.getInt("checkpoint-every-readings"),
        c.getDuration("checkpoint-interval"),
        c.getDuration("max-clock-skew"),
        c.getInt("snapshot-every"),
        c.getInt("anomaly-tag-slices"));
  }
}
