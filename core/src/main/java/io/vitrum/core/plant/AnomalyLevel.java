package io.vitrum.core.plant;

/** Where a sensor's value stands against its alarm limits. */
public enum AnomalyLevel {
  NORMAL,
  LOW,
  HIGH
}
