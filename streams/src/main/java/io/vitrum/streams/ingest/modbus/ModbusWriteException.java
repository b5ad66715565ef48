package io.vitrum.streams.ingest.modbus;

/**
 * The server answered a Modbus setpoint write with an exception response; {@link #exception()} is
 * the exception code's name (e.g. {@code ILLEGAL_DATA_ADDRESS}, {@code SLAVE_DEVICE_FAILURE}).
 */
public final class ModbusWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String exception;

  public ModbusWriteException(String exception, String message) {
    super(message);
    this.exception = exception;
  }

  /** The Modbus exception code's name. */
  public String exception() {
    return exception;
  }
}
