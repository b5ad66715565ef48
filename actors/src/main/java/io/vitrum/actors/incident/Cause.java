package io.vitrum.actors.incident;

import io.vitrum.core.CborSerializable;
import java.util.List;

/**
 * One ranked hypothesis of an incident's latest analysis, as the incident keeps it.
 *
 * @param cause the fault id, e.g. {@code lehr-fan-failure}
 * @param score share of belief, 0-1
 * @param path node ids from the cause to what the incident is about
 * @param edges the keys of the path's edges (what feedback on this cause updates)
 * @param evidence supporting observations
 * @param explanation one paragraph for people
 * @param physics the twin's fit, or null when not checked
 * @param tag for an instrument fault, the suspected sensor
 */
public record Cause(
    String cause,
    double score,
    List<String> path,
    List<String> edges,
    List<String> evidence,
    String explanation,
    Double physics,
    String tag)
    implements CborSerializable {

  public Cause {
    path = List.copyOf(path);
    edges = List.copyOf(edges);
    evidence = List.copyOf(evidence);
  }
}
