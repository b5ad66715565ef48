package io.vitrum.core.rl;

/**
 * The Adam optimiser (Kingma and Ba, 2015) over a flat parameter array, with the usual β1 0.9, β2
 * 0.999 and ε 1e-8. Its moments are its state: {@link #state} and {@link #restore} carry it across
 * a stop and resume. Not thread-safe.
 */
public final class Adam {
  private static final double BETA1 = 0.9;
  private static final double BETA2 = 0.999;
  private static final double EPSILON = 1e-8;

  private final double learningRate;
  private final double[] m;
  private final double[] v;
  private long t;

  public Adam(int size, double learningRate) {
    this.learningRate = learningRate;
    this.m = new double[size];
    this.v = new double[size];
  }

  /** Moves {@code params} one step against {@code grad}. */
  public void step(double[] params, double[] grad) {
    t++;
    double c1 = 1 - Math.pow(BETA1, t);
    double c2 = 1 - Math.pow(BETA2, t);
    for (int i = 0; i < params.length; i++) {
      m[i] = BETA1 * m[i] + (1 - BETA1) * grad[i];
      v[i] = BETA2 * v[i] + (1 - BETA2) * grad[i] * grad[i];
      params[i] -= learningRate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + EPSILON);
    }
  }

  /** The moments and step count. */
  public State state() {
    return new State(m.clone(), v.clone(), t);
  }

  /** Continues from {@code state}. */
  public void restore(State state) {
    System.arraycopy(state.m(), 0, m, 0, m.length);
    System.arraycopy(state.v(), 0, v, 0, v.length);
    t = state.t();
  }

  /** Adam's state: first and second moments and the step count. */
  public record State(double[] m, double[] v, long t) {}
}
