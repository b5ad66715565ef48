package io.vitrum.core.causal;

/** The relationship types of the causal knowledge graph, named as in Neo4j. */
public enum Relation {
  /** Sensor -> Parameter: what the instrument reads. */
  MEASURES,
  /** Fault -> Parameter (what it moves), Fault or Parameter -> Process (what it disturbs). */
  INFLUENCES,
  /**
   * Fault -> Parameter: an instrument fault makes the parameter's sensors misread it; the parameter
   * itself does not change, so nothing downstream of it follows.
   */
  MISREADS,
  /** Process -> Defect. */
  CAUSES,
  /** Equipment -> Fault: how a piece of the plant fails. */
  CAN_FAIL_AS,
  /** Furnace -> Zone. */
  HAS_ZONE,
  /** Zone -> Sensor. */
  HAS_SENSOR;

  /** The relation named {@code name}. */
  public static Relation of(String name) {
    try {
      return valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown relation " + name, e);
    }
  }
}
