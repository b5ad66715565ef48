package io.vitrum.core.causal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The causal ontology of a glass line (DOMAIN.md §4): parameters, processes, defects, the faults
 * the plant can suffer and the equipment behind them, the edges between them with their prior
 * strengths, which sensors measure which parameter, and the zones. Immutable; {@link #bundled()} is
 * the versioned seed shipped with the engine ({@code ontology.csv} beside this class).
 *
 * @param version seed version; the graph store re-seeds when it changes
 * @param nodes every node by id, in seed order
 * @param edges every edge, in seed order
 * @param measures which sensors measure which parameter
 * @param zones the zones by tag area
 */
public record Ontology(
    int version,
    Map<String, CausalNode> nodes,
    List<CausalEdge> edges,
    List<MeasureRule> measures,
    Map<String, Zone> zones) {

  private static final String SEED = "ontology.csv";

  public Ontology {
    nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    edges = List.copyOf(edges);
    measures = List.copyOf(measures);
    zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
    for (CausalEdge e : edges) {
      if (!nodes.containsKey(e.from()) || !nodes.containsKey(e.to())) {
        throw new IllegalArgumentException("edge " + e.key() + " names an unknown node");
      }
    }
    for (MeasureRule m : measures) {
      CausalNode p = nodes.get(m.parameter());
      if (p == null || p.kind() != NodeKind.PARAMETER) {
        throw new IllegalArgumentException(m.parameter() + " is not a parameter of the ontology");
      }
    }
  }

  /** The seed shipped with the engine. */
  public static Ontology bundled() {
    try (InputStream in = Ontology.class.getResourceAsStream(SEED)) {
      if (in == null) {
        throw new IllegalStateException(SEED + " is missing from the classpath");
      }
      return OntologySeed.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node {@code id}, if the ontology has it. */
  public Optional<CausalNode> node(String id) {
    return Optional.ofNullable(nodes.get(id));
  }

  /** The nodes of one kind, in seed order. */
  public List<CausalNode> nodes(NodeKind kind) {
    return nodes.values().stream().filter(n -> n.kind() == kind).toList();
  }

  /** The edges leaving {@code id}, in seed order. */
  public List<CausalEdge> outgoing(String id) {
    return edges.stream().filter(e -> e.from().equals(id)).toList();
  }

  /** The edges leaving {@code id} of one relation, in seed order. */
  public List<CausalEdge> outgoing(String id, Relation relation) {
    return edges.stream().filter(e -> e.from().equals(id) && e.relation() == relation).toList();
  }

  /** The defects counted under MIK-1 reject class {@code inspectionClass}. */
  public List<CausalNode> defectsOf(String inspectionClass) {
    return nodes(NodeKind.DEFECT).stream()
        .filter(n -> n.inspectionClass().equals(inspectionClass))
        .toList();
  }

  /** The rule by which sensor {@code tag} measures a parameter, if any does. */
  public Optional<MeasureRule> measureOf(String tag) {
    return measures.stream().filter(m -> m.matches(tag)).findFirst();
  }

  /** Of {@code tags}, those measuring {@code parameter}, each with its rule. */
  public List<String> sensorsOf(String parameter, List<String> tags) {
    List<String> out = new ArrayList<>();
    for (String tag : tags) {
      measureOf(tag).filter(m -> m.parameter().equals(parameter)).ifPresent(m -> out.add(tag));
    }
    return out;
  }
}
