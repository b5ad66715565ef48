package io.vitrum.core.history;

import java.util.Arrays;

/**
 * The points of one series, in the order added: {@code timestamps[i]} (epoch millis) goes with
 * {@code values[i]}. The arrays are held as given, not copied. Equality is by content, values
 * compared by their raw bits.
 */
public record Points(long[] timestamps, double[] values) {
  /** Requires one value per timestamp. */
  public Points {
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException(
          timestamps.length + " timestamps but " + values.length + " values");
    }
  }

  /** How many points. */
  public int size() {
    return timestamps.length;
  }

  /** Equal when both hold the same timestamps and values of the same raw bits. */
  @Override
  public boolean equals(Object other) {
    if (!(other instanceof Points that) || !Arrays.equals(timestamps, that.timestamps)) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      if (Double.doubleToRawLongBits(values[i]) != Double.doubleToRawLongBits(that.values[i])) {
        return false;
      }
    }
    return true;
  }

  /** A hash consistent with {@link #equals}. */
  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(timestamps) + Arrays.hashCode(values);
  }

  /** The timestamps, then the values. */
  @Override
  public String toString() {
    return "Points" + Arrays.toString(timestamps) + Arrays.toString(values);
  }
}
