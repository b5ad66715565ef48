package io.vitrum.streams.ingest.opcua;

/** Why an OPC UA feed stopped (connect refused, session lost, subscription gone). */
public final class OpcUaSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpcUaSourceException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
