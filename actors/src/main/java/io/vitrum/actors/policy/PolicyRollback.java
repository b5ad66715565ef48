package io.vitrum.actors.policy;

import io.vitrum.core.rl.DegradationEvidence;
import java.time.Instant;

/**
 * A deployment taken back.
 *
 * @param version the version that was serving
 * @param automatic whether the degradation test took it back (else a person)
 * @param requestedBy who took it back ({@code vitrum} when automatic)
 * @param reason why, in words
 * @param evidence what the degradation test saw, null for a manual rollback
 * @param at when
 */
public record PolicyRollback(
    String version,
    boolean automatic,
    String requestedBy,
    String reason,
    DegradationEvidence evidence,
    Instant at) {}
