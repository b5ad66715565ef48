package io.vitrum.streams.inference;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The lines' reject outputs, from {@code vitrum.inference.reject-output}.
 *
 * @param timeout a write not acknowledged by the line within this has failed (an item is past the
 *     reject gate within seconds: a late kick is no kick)
 * @param maxInFlight writes waiting for their acknowledgement at most; a reject beyond them is
 *     counted as {@code busy}, never queued behind a line that does not answer
 */
public record RejectOutputSettings(Duration timeout, int maxInFlight) {
  public static RejectOutputSettings create(Config config) {
    Config c = config.getConfig("vitrum.inference.reject-output");
    return new RejectOutputSettings(c.getDuration("timeout"), c.getInt("max-in-flight"));
  }
}
