package io.vitrum.actors.incident;

import com.typesafe.config.Config;

/**
 * The Incident entity, from {@code vitrum.incident}.
 *
 * @param snapshotEvery events between snapshots
 * @param keepClosed closed incidents kept in a line's state
 * @param tagSlices tags the events are spread over for the read sides
 */
public record IncidentSettings(int snapshotEvery, int keepClosed, int tagSlices) {
  public static IncidentSettings create(Config config) {
    Config c = config.getConfig("vitrum.incident");
    return new IncidentSettings(
        c.getInt("snapshot-every"), c.getInt("keep-closed"), c.getInt("tag-slices"));
  }
}
