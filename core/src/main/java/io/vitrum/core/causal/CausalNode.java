package io.vitrum.core.causal;

import java.util.Objects;

/**
 * One node of the causal ontology.
 *
 * @param id stable id, unique across kinds, e.g. {@code lehr-fan-failure}
 * @param kind what it is
 * @param name English name for people
 * @param nameRu Russian name for people
 * @param inspectionClass for a defect, the MIK-1 reject class it is counted under ({@code crack},
 *     {@code bubble}, {@code stone}, {@code chip}); null otherwise
 * @param reversible for a fault, whether it can act in either direction (a cullet swing above or
 *     below the recipe): its whole signature may then appear with every sign flipped
 */
public record CausalNode(
    String id,
    NodeKind kind,
    String name,
    String nameRu,
    String inspectionClass,
    boolean reversible) {

  public CausalNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nameRu, "nameRu");
    if ((kind == NodeKind.DEFECT) != (inspectionClass != null)) {
      throw new IllegalArgumentException("defects, and only defects, name an inspection class");
    }
    if (reversible && kind != NodeKind.FAULT) {
      throw new IllegalArgumentException("only a fault can be reversible");
    }
  }

  /** The name in Russian or English. */
  public String name(boolean russian) {
    return russian ? nameRu : name;
  }
}
