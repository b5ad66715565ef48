package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.PlantWiring;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilter;
import org.eclipse.milo.opcua.sdk.server.nodes.filters.AttributeFilterContext;
import org.eclipse.milo.opcua.stack.core.AttributeId;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;

/**
 * Turns an OPC UA write of a line's reject output variable into a kick of that item ({@link
 * RejectGate}): Good once kicked, Bad_TypeMismatch for anything but a Double, Bad_OutOfRange for a
 * value that is not an item number. Runs on the server's threads.
 */
final class RejectWriteFilter implements AttributeFilter {
  private final String furnace;
  private final RejectGate gate;

  RejectWriteFilter(String furnace, RejectGate gate) {
    this.furnace = furnace;
    this.gate = gate;
  }

  @Override
  public void writeAttribute(AttributeFilterContext ctx, AttributeId attributeId, Object value)
      throws UaException {
    if (attributeId == AttributeId.Value) {
      Object written = value instanceof DataValue dv ? dv.getValue().getValue() : null;
      if (!(written instanceof Double item)) {
        throw new UaException(StatusCodes.Bad_TypeMismatch, "the reject output takes a Double");
      }
      if (!(item >= 0 && item <= PlantWiring.ITEM_MAX && item == Math.rint(item))) {
        throw new UaException(StatusCodes.Bad_OutOfRange, item + " is not an item number");
      }
      gate.kick(furnace, item.longValue());
    }
    ctx.writeAttribute(attributeId, value);
  }
}
