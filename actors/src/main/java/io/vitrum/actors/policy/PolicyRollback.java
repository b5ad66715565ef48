package io.vitrum.actors.policy;

import io.vitrum.core.rl.DegradationEvidence;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A deployment taken back.
 *
 * @param version the version that was serving
 * @param automatic whether the degradation test took it back (else a person)
 * @param requestedBy who took it back ({@code vitrum} when automatic)
 * @param reason why, in words
 * @param evidence what the degradation test saw, null for a manual rollback
 * @param at when
 * @param restores the setpoints it puts back, by key ({@link SetpointRestore}); applied through the
 *     furnace for an autonomous deployment only (an operator made the supervised one's changes)
 */
public record PolicyRollback(
    String version,
    boolean automatic,
    String requestedBy,
    String reason,
    DegradationEvidence evidence,
    Instant at,
    Map<String, Double> restores) {

  public PolicyRollback {
    restores =
        restores == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(restores));
  }
}
