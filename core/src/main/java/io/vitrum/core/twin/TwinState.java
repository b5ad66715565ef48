package io.vitrum.core.twin;

import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceState;
import io.vitrum.core.physics.Setpoints;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The twin of one furnace, kept in step with the plant: the estimated physical state, the setpoints
 * in force, the estimated disturbances (burner efficiency and cullet swing are estimated from the
 * data; the others stay as configured) and the last innovations. Immutable and made of records,
 * enums, numbers and string-keyed maps only, so it persists as an event or snapshot.
 *
 * @param furnaceId the furnace this twin follows
 * @param furnace estimated physical state with its outputs
 * @param setpoints the supervisory setpoints in force
 * @param disturbances the estimated process faults, used for every prediction
 * @param syncs number of syncs applied
 * @param innovations measured minus predicted at the last sync, by quantity name (only the
 *     quantities that were measured)
 */
public record TwinState(
    String furnaceId,
    FurnaceState furnace,
    Setpoints setpoints,
    Disturbances disturbances,
    long syncs,
    Map<String, Double> innovations) {

  public TwinState {
    if (furnaceId == null || furnace == null || setpoints == null || disturbances == null) {
      throw new IllegalArgumentException("furnaceId, furnace, setpoints and disturbances needed");
    }
    innovations = Collections.unmodifiableMap(new LinkedHashMap<>(innovations));
  }
}
