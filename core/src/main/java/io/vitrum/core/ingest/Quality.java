package io.vitrum.core.ingest;

/**
 * How trustworthy a source says a reading is (OPC UA status codes, Sparkplug B's stale flag).
 * {@link #BAD} readings are quarantined; {@link #UNCERTAIN} ones are accepted and counted.
 */
public enum Quality {
  GOOD,
  UNCERTAIN,
  BAD
}
