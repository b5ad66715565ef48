package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RollupCodecTest {

  @Test
  void bucketsRoundTripExactly() {
    List<RollupBucket> buckets =
        List.of(
            new RollupBucket(
                60_000, new Rollup(3, 4.5, 7.25, -0.0, 2.5, 119_999, Double.MIN_VALUE)),
            new RollupBucket(120_000, Rollup.of(120_001, 1520.3).add(120_500, 1520.4)));
    byte[] bytes = RollupCodec.encode(buckets);
    assertEquals(5 + 2 * 64, bytes.length);
    assertEquals(buckets, RollupCodec.decode(bytes));
  }

  @Test
  void refusesBytesOfAnotherShape() {
    assertThrows(IllegalArgumentException.class, () -> RollupCodec.decode(new byte[] {1, 0}));
    byte[] bytes = RollupCodec.encode(List.of(new RollupBucket(0, Rollup.of(0, 1))));
    bytes[4] = 2;
    assertThrows(IllegalArgumentException.class, () -> RollupCodec.decode(bytes));
  }
}
