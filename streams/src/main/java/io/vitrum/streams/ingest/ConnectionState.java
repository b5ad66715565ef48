package io.vitrum.streams.ingest;

/** Where a source's connection stands. */
public enum ConnectionState {
  /** Not connected yet, or connecting again after a failure (backing off). */
  CONNECTING,
  /** Connected and receiving (or polling). */
  CONNECTED,
  /** The last attempt failed; it will be retried. */
  FAILED,
  /** Stopped on purpose. */
  STOPPED
}
