package io.vitrum.streams.ingest.writeback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FreeText;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class WriteDetailTest {

  @Test
  void theMessageIsTheCausesWithoutTheFuturesWrappers() {
    Throwable wrapped =
        new CompletionException(
            new ExecutionException(new IllegalStateException("Bad_OutOfRange")));
    assertEquals("Bad_OutOfRange", WriteDetail.message(wrapped));
    assertEquals("IllegalStateException", WriteDetail.message(new IllegalStateException()));
  }

  @Test
  void aDetailIsOneWellFormedBoundedLine() {
    assertEquals("short and fine", WriteDetail.bounded("short and fine"));
    assertEquals("a b ?c", WriteDetail.bounded("a\nb\u0007\udc00c"));
    String pairs = "\ud83d\ude00".repeat(FreeText.REASON_MAX);
    String bounded = WriteDetail.bounded(pairs);
    assertTrue(bounded.length() <= FreeText.REASON_MAX, () -> "length " + bounded.length());
    assertTrue(bounded.endsWith("\u2026"));
    assertTrue(FreeText.problem(bounded, FreeText.REASON_MAX).isEmpty(), "no pair split");
    String exact = "x".repeat(FreeText.REASON_MAX);
    assertEquals(exact, WriteDetail.bounded(exact), "a detail that fits is kept whole");
  }
}
