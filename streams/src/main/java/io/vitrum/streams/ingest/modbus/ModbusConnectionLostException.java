package io.vitrum.streams.ingest.modbus;

/** The Modbus TCP connection went away; the source reconnects after its backoff. */
public final class ModbusConnectionLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModbusConnectionLostException(String endpoint) {
    super("Modbus connection to " + endpoint + " lost");
  }
}
