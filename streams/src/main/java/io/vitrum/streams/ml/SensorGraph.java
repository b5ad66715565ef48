package io.vitrum.streams.ml;

import io.vitrum.core.features.FeatureVector;
import java.util.ArrayList;
import java.util.List;

/**
 * The GNN over a furnace's sensor graph: from its newest feature vector, the probability that each
 * sensor (a node of the card's {@code nodes}) is faulted, and that a process fault is under way.
 */
public final class SensorGraph {
  /** One furnace's scores: per node (in {@link #nodes} order) and for a process fault. */
  public record Scores(float[] sensors, float processFault) {
    /** The index of the highest sensor score. */
    public int top() {
      int best = 0;
      for (int i = 1; i < sensors.length; i++) {
        if (sensors[i] > sensors[best]) {
          best = i;
        }
      }
      return best;
    }
  }

  private final OnnxModel model;
  private final FeatureTensor input;
  private final List<String> nodes;

  public SensorGraph(OnnxModel model) {
    this.model = model;
    this.input = new FeatureTensor(model.card().inputs().get(0));
    List<String> listed = new ArrayList<>();
    model.card().raw().path("inputs").get(0).path("nodes").forEach(n -> listed.add(n.asText()));
    this.nodes = List.copyOf(listed);
  }

  public OnnxModel model() {
    return model;
  }

  /** The nodes: tags without their furnace ({@code crown.T3}). */
  public List<String> nodes() {
    return nodes;
  }

  /** Scores each furnace's newest vector, in one batch. */
  public List<Scores> score(List<FeatureVector> newest) {
    float[] x = new float[newest.size() * input.size()];
    for (int i = 0; i < newest.size(); i++) {
      input.write(List.of(newest.get(i)), x, i * input.size());
    }
    var out = model.run(new OnnxModel.Tensor(x, input.shape(newest.size())));
    float[] s = out.get("scores").values();
    float[] p = out.get("processFault").values();
    int n = s.length / newest.size();
    List<Scores> scores = new ArrayList<>(newest.size());
    for (int i = 0; i < newest.size(); i++) {
      float[] mine = new float[n];
      System.arraycopy(s, i * n, mine, 0, n);
      scores.add(new Scores(mine, p[i]));
    }
    return scores;
  }
}
