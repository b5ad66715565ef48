package io.vitrum.core.causal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a candidate cause by its signature: for a process fault, the parameters its INFLUENCES
 * edges say it moves, each read through its sensors' changes (direction and size against the
 * healthy baseline's noise) and weighted by the edge's strength; a change that starts well after
 * the incident counts for less, since an effect cannot precede its cause. For an instrument fault,
 * one sensor leaving its peers (the other sensors of the same parameter) while they stay put.
 */
public final class SignatureEvidence {
  /** Scale of the saturation: a change of this many noise widths counts about 76 %. */
  private static final double Z_SCALE = 4;

  private static final double Z_CLIP = 12;
  private static final double LATE_WEIGHT = 0.3;
  private static final Duration LATE_MARGIN = Duration.ofMinutes(10);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private SignatureEvidence() {}

  /** The changes of every tag of {@code evidence} since its fault window began. */
  public static Map<String, TagChange> changes(Evidence evidence, Instant windowStart) {
    Map<String, TagChange> out = new HashMap<>();
    for (TagSeries s : evidence.series().values()) {
      out.put(s.tag(), TagChange.of(s, evidence.baselineEnd(), windowStart));
    }
    return out;
  }

  /** How well the changes match process fault {@code fault}'s signature. */
  public static SignatureScore process(
      Ontology ontology,
      EdgeStrengths strengths,
      CausalNode fault,
      Evidence evidence,
      Map<String, TagChange> changes) {
    List<String> tags = evidence.tags();
    double sum = 0;
    double weights = 0;
    List<Observed> seen = new ArrayList<>();
    Instant onset = null;
    for (CausalEdge e : ontology.outgoing(fault.id(), Relation.INFLUENCES)) {
      if (ontology.nodes().get(e.to()).kind() != NodeKind.PARAMETER) {
        continue;
      }
      List<String> sensors = ontology.sensorsOf(e.to(), tags);
      if (sensors.isEmpty()) {
        continue;
      }
      double w = strengths.strength(e);
      double agreement = 0;
      List<Instant> onsets = new ArrayList<>();
      for (String tag : sensors) {
        TagChange c = changes.get(tag);
        int measureSign = ontology.measureOf(tag).orElseThrow().sign();
        double a = e.sign() * measureSign * Math.max(-Z_CLIP, Math.min(Z_CLIP, c.z()));
        agreement += a;
        if (c.onset() != null) {
          onsets.add(c.onset());
        }
        seen.add(new Observed(c, a));
      }
      agreement /= sensors.size();
      Instant paramOnset = median(onsets);
      double late =
          paramOnset != null && paramOnset.isAfter(evidence.openedAt().plus(LATE_MARGIN))
              ? LATE_WEIGHT
              : 1;
      sum += w * late * Math.tanh(agreement / Z_SCALE);
      weights += w;
      if (paramOnset != null && (onset == null || paramOnset.isBefore(onset))) {
        onset = paramOnset;
      }
    }
    double score = weights == 0 ? 0 : sum / weights;
    int direction = 1;
    if (fault.reversible() && score < 0) {
      score = -score;
      direction = -1;
    }
    int dir = direction;
    List<String> lines =
        seen.stream()
            .filter(o -> dir * o.agreement() > 2)
            .sorted(Comparator.comparingDouble((Observed o) -> -Math.abs(o.agreement())))
            .limit(6)
            .map(o -> describe(o.change()))
            .toList();
    return new SignatureScore(score, lines, onset, null, direction);
  }

  /**
   * How well the changes match an instrument fault: the sensor of {@code candidates} that left its
   * peers the most, scored by how far it left them and how still they stayed.
   */
  public static SignatureScore instrument(
      Ontology ontology,
      Evidence evidence,
      Map<String, TagChange> changes,
      List<String> candidates) {
    List<String> tags = evidence.tags();
    SignatureScore best = new SignatureScore(0, List.of(), null, null, 1);
    for (String tag : candidates) {
      if (!changes.containsKey(tag)) {
        continue;
      }
      MeasureRule rule = ontology.measureOf(tag).orElse(null);
      if (rule == null) {
        continue;
      }
      List<Double> peers = new ArrayList<>();
      for (String peer : tags) {
        if (!peer.equals(tag) && rule.matches(peer)) {
          peers.add(changes.get(peer).z());
        }
      }
      if (peers.isEmpty()) {
        continue;
      }
      double peerMedian = medianOf(peers);
      TagChange own = changes.get(tag);
      double divergence = Math.abs(own.z() - peerMedian);
      double score =
          Math.tanh(divergence / Z_SCALE) * (1 - Math.tanh(Math.abs(peerMedian) / Z_SCALE));
      if (score > best.score()) {
        String line =
            describe(own)
                + String.format(
                    Locale.ROOT,
                    "; its %d peers moved %.1f noise widths (median)",
                    peers.size(),
                    peerMedian);
        best = new SignatureScore(score, List.of(line), own.onset(), tag, 1);
      }
    }
    return best;
  }

  private static String describe(TagChange c) {
    return String.format(
        Locale.ROOT,
        "%s %s %.3g from its baseline %.4g (%.1f noise widths)%s",
        c.tag(),
        c.shift() >= 0 ? "rose" : "fell",
        Math.abs(c.shift()),
        c.baseline(),
        c.z(),
        c.onset() == null ? "" : ", from " + CLOCK.format(c.onset()) + " UTC");
  }

  private static Instant median(List<Instant> instants) {
    if (instants.isEmpty()) {
      return null;
    }
    List<Instant> sorted = instants.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  private static double medianOf(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private record Observed(TagChange change, double agreement) {}
}
