package io.vitrum.streams.ingest.opcua;

/**
 * The server refused an OPC UA setpoint write; {@link #status()} is the status code's name (e.g.
 * {@code Bad_NotWritable}, {@code Bad_TypeMismatch}, {@code Bad_UserAccessDenied}).
 */
public final class OpcUaWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String status;

  public OpcUaWriteException(String status, String message) {
    super(message);
    this.status = status;
  }

  /** The OPC UA status code's symbolic name. */
  public String status() {
    return status;
  }
}
