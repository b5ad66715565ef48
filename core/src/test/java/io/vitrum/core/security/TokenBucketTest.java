package io.vitrum.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void grantsTheBurstThenTellsHowLongUntilTheNextToken() {
    TokenBucket bucket = new TokenBucket(10, 3, 0);
    assertEquals(0, bucket.take(0));
    assertEquals(0, bucket.take(0));
    assertEquals(0, bucket.take(0));
    // Empty: one token takes 1/10 s to come back.
    assertEquals(SECOND / 10, bucket.take(0));
  }

  @Test
  void refillsAtTheRateAndNeverAboveTheBurst() {
    TokenBucket bucket = new TokenBucket(10, 2, 0);
    bucket.take(0);
    bucket.take(0);
    // Half a token back after 50 ms: 50 ms more to wait.
    assertEquals(SECOND / 20, bucket.take(SECOND / 20));
    assertEquals(0, bucket.take(SECOND / 10));
    // A long pause refills only up to the burst.
    assertEquals(0, bucket.take(100 * SECOND));
    assertEquals(0, bucket.take(100 * SECOND));
    assertEquals(SECOND / 10, bucket.take(100 * SECOND));
  }

  @Test
  void refusesNonsenseRates() {
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(0, 1, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(1, 0.5, 0));
    assertThrows(IllegalArgumentException.class, () -> new TokenBucket(Double.NaN, 1, 0));
  }
}
