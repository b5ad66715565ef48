package io.vitrum.streams.ml;

import io.vitrum.core.features.FeatureVector;
import io.vitrum.core.ml.Standardizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A model input built from feature vectors by its card: the columns it names (without the furnace
 * prefix: {@code crown.T1:5m:mean}, {@code domain:energyPerTonne}), normalised as the card says.
 * Either one vector fills the whole sample (a {@code [batch, N, K]} input whose {@code N·K} columns
 * are listed row-major) or the sample is a sequence of vectors, oldest first, one column set per
 * step (a {@code [batch, steps, F]} input with F columns).
 */
public final class FeatureTensor {
  private final List<String> columns;
  private final Standardizer standardizer;
  private final double[] mean;
  private final int steps;
  private final long[] dims;
  private final Map<List<String>, int[]> indexByLayout = new HashMap<>();
  private volatile Layout last;

  public FeatureTensor(TensorCard input) {
    this.columns = List.copyOf(input.columns());
    this.mean = input.flatMean();
    this.standardizer = new Standardizer(mean, input.flatStd());
    this.dims = input.dims();
    long perSample = 1;
    for (int i = 1; i < dims.length; i++) {
      perSample *= dims[i];
    }
    if (perSample == columns.size()) {
      steps = 1;
    } else if (dims.length == 3 && dims[2] == columns.size()) {
      steps = (int) dims[1];
    } else {
      throw new IllegalArgumentException(
          input.name() + ": " + columns.size() + " columns do not fill its shape");
    }
    if (standardizer.size() != columns.size()) {
      throw new IllegalArgumentException(
          input.name() + ": " + standardizer.size() + " means for " + columns.size() + " columns");
    }
  }

  /** The training mean of column {@code c}: its usual value. */
  public double mean(int c) {
    return mean[c];
  }

  /** Vectors per sample. */
  public int steps() {
    return steps;
  }

  /** Floats per sample. */
  public int size() {
    return steps * columns.size();
  }

  /** The columns, in order. */
  public List<String> columns() {
    return columns;
  }

  /** The shape of a batch of {@code count} samples. */
  public long[] shape(int count) {
    long[] shape = dims.clone();
    shape[0] = count;
    return shape;
  }

  /**
   * Writes the sample of {@code window} ({@link #steps} vectors of one furnace, oldest first) to
   * {@code out} from {@code offset}; a column the vectors lack is missing (0 after normalisation).
   */
  public void write(List<FeatureVector> window, float[] out, int offset) {
    if (window.size() != steps) {
      throw new IllegalArgumentException("needs " + steps + " vectors, got " + window.size());
    }
    int at = offset;
    for (FeatureVector v : window) {
      int[] index = index(v);
      for (int c = 0; c < index.length; c++) {
        double x = index[c] < 0 ? Double.NaN : v.values()[index[c]];
        out[at++] = standardizer.apply(c, x);
      }
    }
  }

  /** The value of column {@code c} in {@code v} ({@code NaN} when it lacks it). */
  public double raw(FeatureVector v, int c) {
    int i = index(v)[c];
    return i < 0 ? Double.NaN : v.values()[i];
  }

  /** A layout's column index, kept by the names list's identity (vectors share their layout's). */
  private record Layout(List<String> names, int[] index) {}

  private int[] index(FeatureVector v) {
    Layout recent = last;
    if (recent != null && recent.names() == v.names()) {
      return recent.index();
    }
    int[] index = indexOf(v);
    last = new Layout(v.names(), index);
    return index;
  }

  private int[] indexOf(FeatureVector v) {
    synchronized (indexByLayout) {
      return indexByLayout.computeIfAbsent(
          v.names(),
          names -> {
            Map<String, Integer> position = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
              position.put(names.get(i), i);
            }
            String prefix = v.furnace() + ".";
            int[] index = new int[columns.size()];
            for (int c = 0; c < index.length; c++) {
              String col = columns.get(c);
              Integer p = position.get(col.startsWith("domain:") ? col : prefix + col);
              index[c] = p == null ? -1 : p;
            }
            return index;
          });
    }
  }
}
