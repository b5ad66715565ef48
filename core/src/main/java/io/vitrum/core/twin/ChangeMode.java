package io.vitrum.core.twin;

/** Whether a {@link SetpointChange} gives a new value or an offset from the current one. */
public enum ChangeMode {
  /** The value is added to the setpoint in force. */
  DELTA,
  /** The value replaces the setpoint in force. */
  ABSOLUTE
}
