package io.vitrum.core.causal;

/**
 * The kinds of node in the causal knowledge graph; {@link #label()} is the Neo4j label. The
 * ontology seed holds the generic kinds (parameters, processes, defects, faults, equipment); the
 * plant adds furnaces, zones and sensors as they are configured.
 */
public enum NodeKind {
  FURNACE("Furnace"),
  ZONE("Zone"),
  SENSOR("Sensor"),
  PARAMETER("Parameter"),
  PROCESS("Process"),
  DEFECT("Defect"),
  FAULT("Fault"),
  EQUIPMENT("Equipment");

  private final String label;

  NodeKind(String label) {
    this.label = label;
  }

  /** The graph label, e.g. {@code Parameter}. */
  public String label() {
    return label;
  }

  /** The kind whose label is {@code label}. */
  public static NodeKind ofLabel(String label) {
    for (NodeKind k : values()) {
      if (k.label.equals(label)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown node kind " + label);
  }
}
