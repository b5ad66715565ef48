package io.vitrum.loadtests.rootcause;

import io.vitrum.core.causal.CausalEdge;
import io.vitrum.core.causal.CausalNode;
import io.vitrum.core.causal.MeasureRule;
import io.vitrum.core.causal.NodeKind;
import io.vitrum.core.causal.Ontology;
import io.vitrum.core.causal.Relation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * A large causal ontology for latency figures: the bundled seed unchanged, plus {@code units}
 * copies of its causal layer (every parameter, process, fault and equipment node, ids prefixed
 * {@code u007.}), as a plant split into many sections would have: a fault of one burner port, one
 * lehr fan or one refractory block, acting on that section's parameters and processes.
 *
 * <p>Within a unit, every seed edge among those kinds is copied with its strength scaled by a
 * random factor in [0.5, 1.2]. The units are tied into one connected graph the way a furnace ties
 * its sections: their processes make the seed's defects (the inspection counts one defect class for
 * the whole line), each parameter also acts, weakly, on the same process of the next unit (ring),
 * and about a third of a unit's fault-to-parameter edges also reach the seed's furnace-level
 * parameter, weakly, so that a local fault is a candidate for a furnace-level sensor anomaly too.
 * With {@code measureRules}, each unit parameter is measured by its own sensors ({@code
 * crown.u007.T1}): rules that no tag of the simulated furnace matches, but which the first look-up
 * of each tag's rule must pass. Deterministic in {@code seed}.
 */
public final class SyntheticOntology {
  /** Nodes of the seed's causal layer copied per unit (12 + 7 + 6 + 6 in version 1). */
  private static final List<NodeKind> COPIED =
      List.of(NodeKind.PARAMETER, NodeKind.PROCESS, NodeKind.FAULT, NodeKind.EQUIPMENT);

  /**
   * Edges each unit has beyond the seed's, in the seed's vocabulary, so that a unit is one piece
   * and not the seed's three (melter, cold end, and the two parameters without an edge): the
   * forehearth conditions the gob, the flue atmosphere acts on fining, the pull loads the lehr, a
   * degraded burner shows in the flue O2, and forehearth thermocouples drift too.
   */
  private static final List<CausalEdge> EXTRAS =
      List.of(
          new CausalEdge(Relation.INFLUENCES, "forehearth-temperature", "forming", 1, 0.3, 5),
          new CausalEdge(Relation.INFLUENCES, "flue-o2", "fining", -1, 0.2, 30),
          new CausalEdge(Relation.INFLUENCES, "pull", "annealing", 1, 0.2, 30),
          new CausalEdge(Relation.INFLUENCES, "burner-degradation", "flue-o2", -1, 0.5, 5),
          new CausalEdge(
              Relation.MISREADS, "thermocouple-drift", "forehearth-temperature", 1, 0.3, 0));

  private SyntheticOntology() {}

  /** Nodes one unit adds to {@code seed}. */
  public static int nodesPerUnit(Ontology seed) {
    return (int) seed.nodes().values().stream().filter(n -> COPIED.contains(n.kind())).count();
  }

  /** The number of units that brings {@code seed} nearest to {@code nodes} nodes, at least 0. */
  public static int unitsFor(Ontology seed, int nodes) {
    return Math.max(
        0, (int) Math.round((nodes - seed.nodes().size()) / (double) nodesPerUnit(seed)));
  }

  /** The seed with {@code units} units added. */
  public static Ontology of(Ontology seed, int units, boolean measureRules, long seedValue) {
    SplittableRandom random = new SplittableRandom(seedValue);
    Map<String, CausalNode> nodes = new LinkedHashMap<>(seed.nodes());
    List<CausalEdge> edges = new ArrayList<>(seed.edges());
    List<MeasureRule> measures = new ArrayList<>(seed.measures());
    List<CausalEdge> template = new ArrayList<>(seed.edges());
    template.addAll(EXTRAS);
    for (int u = 1; u <= units; u++) {
      String prefix = unit(u);
      String next = unit(u % units + 1);
      for (CausalNode n : seed.nodes().values()) {
        if (COPIED.contains(n.kind())) {
          CausalNode copy =
              new CausalNode(
                  prefix + n.id(),
                  n.kind(),
                  n.name() + " (unit " + u + ")",
                  n.nameRu() + " (секция " + u + ")",
                  null,
                  n.reversible());
          nodes.put(copy.id(), copy);
        }
      }
      for (CausalEdge e : template) {
        CausalNode from = seed.nodes().get(e.from());
        CausalNode to = seed.nodes().get(e.to());
        if (!COPIED.contains(from.kind())) {
          continue;
        }
        String target = COPIED.contains(to.kind()) ? prefix + e.to() : e.to();
        edges.add(
            new CausalEdge(
                e.relation(),
                prefix + e.from(),
                target,
                e.sign(),
                scaled(e.strength(), random),
                e.lagMinutes()));
        boolean acts = e.relation() == Relation.INFLUENCES;
        if (acts
            && from.kind() == NodeKind.PARAMETER
            && to.kind() == NodeKind.PROCESS
            && units > 1) {
          edges.add(
              new CausalEdge(
                  Relation.INFLUENCES,
                  prefix + e.from(),
                  next + e.to(),
                  e.sign(),
                  random.nextDouble(0.05, 0.3),
                  e.lagMinutes() * 2));
        }
        boolean onParameter = to.kind() == NodeKind.PARAMETER;
        if (from.kind() == NodeKind.FAULT && onParameter && random.nextDouble() < 1 / 3.0) {
          edges.add(
              new CausalEdge(
                  e.relation(),
                  prefix + e.from(),
                  e.to(),
                  e.sign(),
                  random.nextDouble(0.05, 0.2),
                  e.lagMinutes()));
        }
      }
      if (measureRules) {
        for (MeasureRule m : seed.measures()) {
          String pattern = m.pattern().pattern();
          int dot = pattern.indexOf("\\.");
          String own =
              dot < 0
                  ? pattern + "\\." + prefix.substring(0, prefix.length() - 1)
                  : pattern.substring(0, dot)
                      + "\\."
                      + prefix.substring(0, prefix.length() - 1)
                      + pattern.substring(dot);
          measures.add(new MeasureRule(Pattern.compile(own), prefix + m.parameter(), m.sign()));
        }
      }
    }
    return new Ontology(seed.version(), nodes, edges, measures, seed.zones());
  }

  private static String unit(int u) {
    return String.format(Locale.ROOT, "u%03d.", u);
  }

  private static double scaled(double strength, SplittableRandom random) {
    return Math.max(0.05, Math.min(1, strength * random.nextDouble(0.5, 1.2)));
  }
}
