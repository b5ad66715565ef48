package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PlantClockTest {
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final Duration STEP = Duration.ofSeconds(1);

  @Test
  void owesOneStepPerSecondAtSpeedOneAndTenAtTen() {
    AtomicLong wall = new AtomicLong(START.toEpochMilli());
    PlantClock real = new PlantClock(START, STEP, 1, 100, wall::get);
    PlantClock fast = new PlantClock(START, STEP, 10, 100, wall::get);

    assertEquals(0, real.due());
    wall.addAndGet(500);
    assertEquals(0, real.due());
    wall.addAndGet(500);
    assertEquals(1, real.due());
    assertEquals(0, real.due(), "each step is owed once");
    assertEquals(10, fast.due());
  }

  @Test
  void simulatedTimeKeepsUpWithTheWallClockAfterASlowStart() {
    AtomicLong wall = new AtomicLong(START.plusSeconds(30).toEpochMilli());
    PlantClock clock = new PlantClock(START, STEP, 1, 100, wall::get);

    assertEquals(30, clock.due(), "the 30 s the servers took to start");
  }

  @Test
  void catchesUpALateTickButForgivesALongStall() {
    AtomicLong wall = new AtomicLong(START.toEpochMilli());
    PlantClock clock = new PlantClock(START, STEP, 1, 5, wall::get);

    wall.addAndGet(3_000);
    assertEquals(3, clock.due());
    wall.addAndGet(60_000);
    assertEquals(5, clock.due());
    assertEquals(55, clock.skipped());
    wall.addAndGet(1_000);
    assertEquals(1, clock.due());
  }

  @Test
  void aClockThatStepsBackOwesNothing() {
    AtomicLong wall = new AtomicLong(START.plusSeconds(5).toEpochMilli());
    PlantClock clock = new PlantClock(START, STEP, 1, 100, wall::get);
    assertEquals(5, clock.due());

    wall.addAndGet(-2_000);
    assertEquals(0, clock.due());
    wall.addAndGet(3_000);
    assertEquals(1, clock.due());
  }
}
