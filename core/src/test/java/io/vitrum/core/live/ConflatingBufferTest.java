package io.vitrum.core.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.live.ConflatingBuffer.Offer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConflatingBufferTest {

  private static List<String> drain(ConflatingBuffer<String> buffer) {
    List<String> out = new ArrayList<>();
    for (Optional<String> m = buffer.poll(); m.isPresent(); m = buffer.poll()) {
      out.add(m.get());
    }
    return out;
  }

  @Test
  void latestValuePerKeyWinsAndKeepsTheFirstPosition() {
    ConflatingBuffer<String> buffer = new ConflatingBuffer<>(10, 10);
    assertEquals(Offer.ENQUEUED, buffer.offerConflated("a", "a1"));
    assertEquals(Offer.ENQUEUED, buffer.offerConflated("b", "b1"));
    assertEquals(Offer.CONFLATED, buffer.offerConflated("a", "a2"));
    assertEquals(Offer.CONFLATED, buffer.offerConflated("a", "a3"));
    assertEquals(2, buffer.size());
    assertEquals(2, buffer.conflatedCount());
    assertEquals(List.of("a3", "b1"), drain(buffer));
    assertTrue(buffer.isEmpty());
  }

  @Test
  void reliableMessagesAreNeverConflatedAndKeepArrivalOrderWithTelemetry() {
    ConflatingBuffer<String> buffer = new ConflatingBuffer<>(10, 10);
    buffer.offerConflated("t", "t1");
    buffer.offerReliable("alarm1");
    buffer.offerReliable("alarm1");
    buffer.offerConflated("u", "u1");
    buffer.offerConflated("t", "t2");
    buffer.offerReliable("alarm2");
    assertEquals(List.of("t2", "alarm1", "alarm1", "u1", "alarm2"), drain(buffer));
  }

  @Test
  void aKeyPolledAndOfferedAgainGoesToTheEnd() {
    ConflatingBuffer<String> buffer = new ConflatingBuffer<>(10, 10);
    buffer.offerConflated("a", "a1");
    buffer.offerConflated("b", "b1");
    assertEquals(Optional.of("a1"), buffer.poll());
    buffer.offerConflated("a", "a2");
    assertEquals(List.of("b1", "a2"), drain(buffer));
  }

  @Test
  void reliableOverflowIsRefusedNotDropped() {
    ConflatingBuffer<String> buffer = new ConflatingBuffer<>(4, 3);
    for (int i = 0; i < 3; i++) {
      assertEquals(Offer.ENQUEUED, buffer.offerReliable("r" + i));
    }
    assertEquals(Offer.OVERFLOW, buffer.offerReliable("r3"));
    assertEquals(3, buffer.reliableSize());
    assertEquals(List.of("r0", "r1", "r2"), drain(buffer));
    assertEquals(Offer.ENQUEUED, buffer.offerReliable("r4"), "room again once taken");
  }

  @Test
  void tooManyKeysDropTheOldestTelemetryAndStayBounded() {
    ConflatingBuffer<String> buffer = new ConflatingBuffer<>(3, 2);
    for (int i = 0; i < 1000; i++) {
      buffer.offerConflated("k" + (i % 50), "v" + i);
      assertTrue(buffer.size() <= buffer.capacity());
    }
    buffer.offerReliable("r");
    buffer.offerReliable("r");
    assertEquals(Offer.OVERFLOW, buffer.offerReliable("r"));
    assertEquals(5, buffer.size());
    assertEquals(5, buffer.capacity());
    assertEquals(997, buffer.droppedCount());
    assertEquals(List.of("v997", "v998", "v999", "r", "r"), drain(buffer));
  }

  @Test
  void conflationDoesNotCountAsDropAndEmptyPollIsEmpty() {
    ConflatingBuffer<String> buffer = new ConflatingBuffer<>(1, 1);
    assertEquals(Optional.empty(), buffer.poll());
    buffer.offerConflated("a", "1");
    assertEquals(Offer.CONFLATED, buffer.offerConflated("a", "2"));
    assertEquals(Offer.DROPPED_OLDEST, buffer.offerConflated("b", "3"));
    assertEquals(1, buffer.droppedCount());
    assertEquals(List.of("3"), drain(buffer));
  }

  @Test
  void capacitiesMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new ConflatingBuffer<String>(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new ConflatingBuffer<String>(1, 0));
  }
}
