package io.vitrum.actors.sensor;

import com.typesafe.config.Config;
import io.vitrum.core.plant.ReadingCheck;
import java.time.Duration;
import java.time.Instant;

/**
 * Tuning of the Sensor entity, from {@code vitrum.sensor}.
 *
 * @param window length of the tumbling statistics window
 * @param checkpointEveryReadings persist the live window after this many accepted readings
 * @param checkpointInterval persist the live window when the last checkpoint is older
 * @param time the window a reading's timestamp must fall in: not before the earliest accepted
 *     instant, not further in the future than the clock skew allowed
 * @param snapshotEvery take a snapshot every this many events
 * @param anomalyTagSlices how many tags anomaly events are spread over (projection instances)
 */
public record SensorSettings(
    Duration window,
    int checkpointEveryReadings,
    Duration checkpointInterval,
    ReadingCheck.TimeBounds time,
    int snapshotEvery,
    int anomalyTagSlices) {

  public static SensorSettings create(Config config) {
    Config c = config.getConfig("vitrum.sensor");
    return new SensorSettings(
        c.getDuration("window"),
        c.getInt("checkpoint-every-readings"),
        c.getDuration("checkpoint-interval"),
        new ReadingCheck.TimeBounds(
            Instant.parse(c.getString("earliest-reading")), c.getDuration("max-clock-skew")),
        c.getInt("snapshot-every"),
        c.getInt("anomaly-tag-slices"));
  }
}
