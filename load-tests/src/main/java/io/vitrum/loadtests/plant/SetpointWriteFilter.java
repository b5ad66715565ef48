package io.vitrum.loadtests.plant;

import io.vitrum.core.plant.SetpointParameter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;

/**
 * Turns an OPC UA write of a setpoint variable into a {@link SetpointInbox} submission: the writer
 * gets Good when the value is queued for the simulator, Bad_OutOfRange outside the safe bounds,
 * Bad_TypeMismatch for a non-number and Bad_ResourceUnavailable when the inbox is full. Runs on the
 * server's threads.
 */
final class SetpointWriteFilter implements AttributeFilter {
  private final String furnace;
  private final SetpointParameter parameter;
  private final SetpointInbox inbox;

  SetpointWriteFilter(String furnace, SetpointParameter parameter, SetpointInbox inbox) {
    this.furnace = furnace;
    this.parameter = parameter;
    this.inbox = inbox;
  }

  @Override
  public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
      throws UaException {
    if (attributeId == AttributeId.Value) {
      Object written = value instanceof DataValue dv ? dv.getValue().getValue() : null;
      if (!(written instanceof Double number)) {
        throw new UaException(StatusCodes.Bad_TypeMismatch, parameter.key() + " takes a Double");
      }
      switch (inbox.submit(furnace, parameter, number, "opcua")) {
        case ACCEPTED -> {}
        case OUT_OF_RANGE ->
            throw new UaException(
                StatusCodes.Bad_OutOfRange,
                parameter.key() + " must be in [" + parameter.min() + ", " + parameter.max() + "]");
        case UNKNOWN_FURNACE -> throw new UaException(StatusCodes.Bad_NodeIdUnknown);
        case BUSY -> throw new UaException(StatusCodes.Bad_ResourceUnavailable);
      }
    }
    ctx.writeAttribute(attributeId, value);
  }
}
