package io.vitrum.loadtests.plant;

/**
 * What a faulty instrument looks like from the outside in one step: only faults a real transmitter
 * or its transport would reveal are visible (a drifting or spiking thermocouple looks healthy).
 */
public enum SensorStatus {
  /** The sensor is stuck: it keeps reporting its last value (OPC UA: Uncertain). */
  STUCK,
  /** A sample that was due did not arrive (OPC UA: Bad; MQTT: not sent). */
  LOST
}
