package io.vitrum.core.history;

import java.util.Arrays;
import java.util.Objects;

/**
 * The block format history stores: one series' points, lossless to the raw bits of every value,
 * behind a format byte.
 *
 * <ul>
 *   <li>{@code 'D'}, decimal, when some digit count {@code d} in 0..9 represents every value as
 *       {@code s / 10^d} with an integer {@code |s| <= 2^53} (see {@link DecimalDigits}); the
 *       smallest such {@code d} is used. Then follow a 4-byte big-endian point count, one byte
 *       {@code d} and a bit stream, most significant bit first, padded with zero bits to a whole
 *       byte, holding for each point in turn its timestamp and its scaled value {@code s}:
 *       <ul>
 *         <li>timestamps: the first raw in 64 bits, then each delta-of-delta {@code D} (the first
 *             delta's {@code D} is the delta itself) as {@code 0} for zero; {@code 10}, {@code 110}
 *             or {@code 1110} and 7, 9 or 12 bits for {@code D} in [-63, 64], [-255, 256] or
 *             [-2047, 2048]; else {@code 1111} and 64 bits;
 *         <li>values: the first {@code s} raw in 64 bits, then each delta {@code s[i] - s[i-1]} as
 *             {@code 0} for zero; {@code 10}, {@code 110} or {@code 1110} and 6, 10 or 16 bits for
 *             a delta in [-31, 32], [-511, 512] or [-32767, 32768]; else {@code 1111} and 64 bits.
 *       </ul>
 *       Fields of {@code w} bits hold the low bits of two's complement; arithmetic wraps. The
 *       decoder gives back {@code (double) s / 10^d}, correctly rounded.
 *   <li>{@code 'G'}, Gorilla, for every other block (full-precision doubles, NaN, infinities,
 *       -0.0): the {@link GorillaEncoder} layout follows unchanged.
 * </ul>
 *
 * <p>An empty block is {@code 'D'} with no points and {@code d} 0.
 */
public final class BlockCodec {
  private static final byte GORILLA = 'G';

  private BlockCodec() {}

  /** The block holding {@code points}: decimal when every value allows, else Gorilla. */
  public static byte[] encode(Points points) {
    Objects.requireNonNull(points, "points");
    int digits = DecimalDigits.of(points.values());
    if (digits >= 0) {
      return DecimalLayout.encode(points, digits);
    }
    GorillaEncoder encoder = new GorillaEncoder();
    for (int i = 0; i < points.size(); i++) {
      encoder.add(points.timestamps()[i], points.values()[i]);
    }
    byte[] gorilla = encoder.toBytes();
    byte[] block = new byte[1 + gorilla.length];
    block[0] = GORILLA;
    System.arraycopy(gorilla, 0, block, 1, gorilla.length);
    return block;
  }

  /**
   * The points of {@code block}, exactly as encoded; throws IllegalArgumentException when it is
   * empty, of an unknown format, truncated or malformed.
   */
  public static Points decode(byte[] block) {
    if (block.length == 0) {
      throw new IllegalArgumentException("truncated block: no format byte");
    }
    return switch (block[0]) {
      case DecimalLayout.FORMAT -> DecimalLayout.decode(block);
      case GORILLA -> GorillaDecoder.decode(Arrays.copyOfRange(block, 1, block.length));
      default ->
          throw new IllegalArgumentException(
              String.format("unknown block format 0x%02X", block[0] & 0xFF));
    };
  }
}
