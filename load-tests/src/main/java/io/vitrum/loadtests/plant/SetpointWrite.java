package io.vitrum.loadtests.plant;

import io.vitrum.core.plant.SetpointParameter;
import java.util.Objects;

/**
 * A setpoint change a client asked for, waiting to be applied on the simulation thread.
 *
 * @param furnace the furnace id
 * @param parameter the setpoint
 * @param value the new value, within the parameter's bounds
 * @param via the protocol it came over, for the log ({@code opcua}, {@code mqtt}, {@code modbus})
 */
public record SetpointWrite(String furnace, SetpointParameter parameter, double value, String via) {
  public SetpointWrite {
    Objects.requireNonNull(furnace, "furnace");
    Objects.requireNonNull(parameter, "parameter");
    Objects.requireNonNull(via, "via");
  }
}
