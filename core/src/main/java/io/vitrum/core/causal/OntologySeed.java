package io.vitrum.core.causal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the ontology seed format: comma-separated rows {@code version}, {@code zone}, {@code node},
 * {@code measures} and {@code edge} (see the header of {@code ontology.csv}); blank lines and
 * {@code #} comments are skipped. A malformed row fails with its line number.
 */
public final class OntologySeed {
  private OntologySeed() {}

  /** The ontology written in {@code text}. */
  public static Ontology parse(String text) {
    int version = -1;
    Map<String, CausalNode> nodes = new LinkedHashMap<>();
    List<CausalEdge> edges = new ArrayList<>();
    List<MeasureRule> measures = new ArrayList<>();
    Map<String, Zone> zones = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split(",", -1);
      try {
        switch (f[0]) {
          case "version" -> version = Integer.parseInt(field(f, 1));
          case "zone" -> zones.put(field(f, 1), new Zone(field(f, 1), field(f, 2), field(f, 3)));
          case "node" -> {
            NodeKind kind = NodeKind.ofLabel(field(f, 1));
            String extra = f.length > 5 ? field(f, 5) : null;
            boolean reversible = kind == NodeKind.FAULT && "reversible".equals(extra);
            CausalNode node =
                new CausalNode(
                    field(f, 2),
                    kind,
                    field(f, 3),
                    field(f, 4),
                    kind == NodeKind.DEFECT ? extra : null,
                    reversible);
            if (extra != null && kind != NodeKind.DEFECT && !reversible) {
              throw new IllegalArgumentException("unknown node attribute " + extra);
            }
            if (nodes.putIfAbsent(node.id(), node) != null) {
              throw new IllegalArgumentException("node " + node.id() + " is defined twice");
            }
          }
          case "measures" ->
              measures.add(
                  new MeasureRule(Pattern.compile(field(f, 1)), field(f, 2), sign(field(f, 3))));
          case "edge" ->
              edges.add(
                  new CausalEdge(
                      Relation.of(field(f, 1)),
                      field(f, 2),
                      field(f, 3),
                      sign(field(f, 4)),
                      Double.parseDouble(field(f, 5)),
                      Double.parseDouble(field(f, 6))));
          default -> throw new IllegalArgumentException("unknown row kind " + f[0]);
        }
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "ontology seed line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    if (version < 1) {
      throw new IllegalArgumentException("the ontology seed has no version row");
    }
    return new Ontology(version, nodes, edges, measures, zones);
  }

  private static String field(String[] fields, int index) {
    if (index >= fields.length || fields[index].isBlank()) {
      throw new IllegalArgumentException("field " + (index + 1) + " is missing");
    }
    return fields[index].strip();
  }

  private static int sign(String s) {
    return switch (s) {
      case "+" -> 1;
      case "-" -> -1;
      default -> throw new IllegalArgumentException("sign must be + or -, not " + s);
    };
  }
}
