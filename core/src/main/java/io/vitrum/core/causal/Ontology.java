package io.vitrum.core.causal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The causal ontology of a glass line (DOMAIN.md §4): parameters, processes, defects, the faults
 * the plant can suffer and the equipment behind them, the edges between them with their prior
 * strengths, which sensors measure which parameter, and the zones. Immutable; {@link #bundled()} is
 * the versioned seed shipped with the engine ({@code ontology.csv} beside this class).
 *
 * <p>Its parts: the seed version (the graph store re-seeds when it changes), every node by id and
 * every edge in seed order, which sensors measure which parameter, and the zones by tag area. The
 * edges leaving each node are indexed and each tag's measure rule remembered, so path search and
 * signatures stay fast on a graph of thousands of nodes.
 */
public final class Ontology {
  private static final String SEED = "ontology.csv";

  private final int version;
  private final Map<String, CausalNode> nodes;
  private final List<CausalEdge> edges;
  private final List<MeasureRule> measures;
  private final Map<String, Zone> zones;
  private final Map<String, List<CausalEdge>> outgoing;
  private final Map<String, Optional<MeasureRule>> measureByTag = new ConcurrentHashMap<>();

  public Ontology(
      int version,
      Map<String, CausalNode> nodes,
      List<CausalEdge> edges,
      List<MeasureRule> measures,
      Map<String, Zone> zones) {
    this.version = version;
    this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    this.edges = List.copyOf(edges);
    this.measures = List.copyOf(measures);
    this.zones = Collections.unmodifiableMap(new LinkedHashMap<>(zones));
    Map<String, List<CausalEdge>> out = new HashMap<>();
    for (CausalEdge e : this.edges) {
      out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    this.outgoing = out;
    validate();
  }

  public int version() {
    return version;
  }

  public Map<String, CausalNode> nodes() {
    return nodes;
  }

  public List<CausalEdge> edges() {
    return edges;
  }

  public List<MeasureRule> measures() {
    return measures;
  }

  public Map<String, Zone> zones() {
    return zones;
  }

  private void validate() {
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

  /** The edges leaving {@code id}, in seed order (indexed: no scan of every edge). */
  public List<CausalEdge> outgoing(String id) {
    return outgoing.getOrDefault(id, List.of());
  }

  /** The edges leaving {@code id} of one relation, in seed order. */
  public List<CausalEdge> outgoing(String id, Relation relation) {
    return outgoing(id).stream().filter(e -> e.relation() == relation).toList();
  }

  /** The defects counted under MIK-1 reject class {@code inspectionClass}. */
  public List<CausalNode> defectsOf(String inspectionClass) {
    return nodes(NodeKind.DEFECT).stream()
        .filter(n -> n.inspectionClass().equals(inspectionClass))
        .toList();
  }

  /**
   * The rule by which sensor {@code tag} measures a parameter, if any does (remembered per tag).
   */
  public Optional<MeasureRule> measureOf(String tag) {
    return measureByTag.computeIfAbsent(
        tag, t -> measures.stream().filter(m -> m.matches(t)).findFirst());
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
