package io.vitrum.core.history;

/**
 * Values as scaled integers: a value {@code v} has {@code d} decimal digits (0..9) when {@code s =
 * round(v * 10^d)} lies in [-2^53, 2^53] and {@code (double) s / 10^d}, a correctly rounded
 * division, gives back the raw bits of {@code v}. The double nearest to a decimal of at most {@code
 * d} fractional and 15 significant digits always has {@code d} digits; NaN, the infinities and -0.0
 * never have any.
 */
final class DecimalDigits {
  /** The most digits a block may use. */
  static final int MAX = 9;

  private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  private static final long MAX_SCALED = 1L << 53;

  private DecimalDigits() {}

  /** The fewest digits that every one of {@code values} has, or -1 when no count up to 9 fits. */
  static int of(double[] values) {
    for (int digits = 0; digits <= MAX; digits++) {
      if (allHave(values, digits)) {
        return digits;
      }
    }
    return -1;
  }

  /** {@code value} scaled by 10^{@code digits} and rounded to the nearest integer. */
  static long scaled(double value, int digits) {
    return Math.round(value * POW10[digits]);
  }

  /** The value {@code scaled} stands for: {@code scaled / 10^digits}, correctly rounded. */
  static double unscaled(long scaled, int digits) {
    return scaled / POW10[digits];
  }

  /** Whether {@code scaled} is within [-2^53, 2^53], where every long is an exact double. */
  static boolean inRange(long scaled) {
    return scaled >= -MAX_SCALED && scaled <= MAX_SCALED;
  }

  private static boolean allHave(double[] values, int digits) {
    for (double value : values) {
      long s = scaled(value, digits);
      if (!inRange(s)
          || Double.doubleToRawLongBits(unscaled(s, digits)) != Double.doubleToRawLongBits(value)) {
        return false;
      }
    }
    return true;
  }
}
