package io.vitrum.actors.furnace;

import io.vitrum.core.CborSerializable;
import io.vitrum.core.plant.SetpointOrigin;
import java.time.Instant;

/** The value of one setpoint and who set it, when and why. */
public record SetpointRecord(
    double value, SetpointOrigin origin, String requestedBy, String reason, Instant at)
    implements CborSerializable {}
