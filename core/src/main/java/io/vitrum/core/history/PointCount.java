package io.vitrum.core.history;

/** The point count a block's header claims, checked against the bits that follow it. */
final class PointCount {
  private PointCount() {}

  /**
   * Refuses a count that is negative or larger than {@code availableBits} can hold: the first point
   * takes 128 bits, each later one at least 2.
   */
  static void check(int count, long availableBits) {
    if (count < 0 || count > 0 && 128 + 2L * (count - 1) > availableBits) {
      String points = Integer.toUnsignedString(count);
      throw new IllegalArgumentException(
          String.format("malformed block: %s points in %d bits", points, availableBits));
    }
  }
}
