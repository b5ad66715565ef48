package io.vitrum.core.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockBufferTest {
  private static final long T0 = 1_764_583_200_000L; // a whole hour
  private static final long MIN = 60_000;
  private static final BlockPolicy POLICY =
      new BlockPolicy(Duration.ofMinutes(10), Duration.ofSeconds(30), 1000);

  @Test
  void aBlockClosesWhenItsTagHasAReadingPastTheGrace() {
    BlockBuffer buffer = new BlockBuffer(POLICY);
    buffer.add("F1.crown.T1", T0 + 5_000, 1, 0, 100, T0);
    buffer.add("F1.crown.T1", T0 + 10 * MIN + 1_000, 2, 0, 101, T0);
    assertTrue(buffer.closeDue(T0).isEmpty(), "still within the grace");
    buffer.add("F1.crown.T1", T0 + 10 * MIN + 30_000, 3, 0, 102, T0);
    List<ClosedBlock> due = buffer.closeDue(T0);
    assertEquals(1, due.size());
    ClosedBlock block = due.get(0);
    assertEquals(T0, block.windowStart());
    assertEquals(T0 + 10 * MIN, block.windowEnd());
    assertArrayEquals(new long[] {T0 + 5_000}, block.points().timestamps());
    assertEquals(1, buffer.openBlocks());
    assertEquals(2, buffer.openPoints());
  }

  @Test
  void aSilentTagsBlockClosesByTheClock() {
    BlockBuffer buffer = new BlockBuffer(POLICY);
    buffer.add("F1.crown.T1", T0 + 5_000, 1, 0, 100, T0 + 5_000);
    long end = T0 + 10 * MIN;
    assertTrue(buffer.closeDue(end + 29_000).isEmpty());
    assertEquals(1, buffer.closeDue(end + 30_000).size());
  }

  @Test
  void outOfOrderReadingsAreMergedIntoTheirBlockInTimeOrder() {
    BlockBuffer buffer = new BlockBuffer(POLICY);
    buffer.add("F1.crown.T1", T0 + 3_000, 3, 0, 1, T0);
    buffer.add("F1.crown.T1", T0 + 1_000, 1, 0, 2, T0);
    buffer.add("F1.crown.T1", T0 + 2_000, 2, 0, 3, T0);
    buffer.add("F1.crown.T1", T0 + 2_000, 2.5, 0, 4, T0);
    ClosedBlock block = buffer.closeAll().get(0);
    assertArrayEquals(new long[] {T0 + 1_000, T0 + 2_000, T0 + 3_000}, block.points().timestamps());
    assertArrayEquals(new double[] {1, 2.5, 3}, block.points().values());
  }

  @Test
  void aFullBlockClosesAtOnce() {
    BlockBuffer buffer = new BlockBuffer(new BlockPolicy(Duration.ofMinutes(10), Duration.ZERO, 3));
    for (int i = 0; i < 3; i++) {
      buffer.add("F1.crown.T1", T0 + i, i, 0, i, T0);
    }
    assertEquals(3, buffer.closeDue(T0).get(0).points().size());
  }

  @Test
  void offsetsAreCommittableOnlyBelowTheOldestOpenBlock() {
    BlockBuffer buffer = new BlockBuffer(POLICY);
    buffer.add("F1.crown.T1", T0, 1, 0, 10, T0);
    buffer.add("F1.crown.T2", T0, 1, 0, 11, T0);
    buffer.add("F1.crown.T3", T0, 1, 1, 5, T0);
    assertEquals(9, buffer.committable(0, 11));
    assertEquals(4, buffer.committable(1, 5));
    assertEquals(42, buffer.committable(2, 42), "nothing of partition 2 is held");
    // T1's block closes (its tag moved on), T2's stays open: still held at 11.
    buffer.add("F1.crown.T1", T0 + 11 * MIN, 2, 0, 12, T0);
    List<ClosedBlock> due = buffer.closeDue(T0);
    assertEquals(1, due.size());
    assertEquals(10, buffer.committable(0, 12));
    buffer.closeAll();
    assertEquals(12, buffer.committable(0, 12));
    assertEquals(0, buffer.openPoints());
  }

  @Test
  void blockLengthsMustTileAnHour() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new BlockPolicy(Duration.ofMinutes(7), Duration.ZERO, 10));
    assertThrows(
        IllegalArgumentException.class,
        () -> new BlockPolicy(Duration.ofSeconds(90), Duration.ZERO, 10));
  }
}
