package io.vitrum.core.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.rejection.RejectionCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FreeTextTest {

  @Test
  void acceptsOrdinaryTextInAnyScriptWithLineBreaks() {
    assertEquals(Optional.empty(), FreeText.problem("seeds rising after 14:00", 100));
    assertEquals(Optional.empty(), FreeText.problem("пузыри выросли\nпосле смены", 100));
    assertEquals(Optional.empty(), FreeText.problem("glass \uD83D\uDD25 hot", 100), "a pair");
    assertEquals(Optional.empty(), FreeText.problem(null, 1), "whether required is not asked");
  }

  @Test
  void refusesLoneSurrogatesInEitherOrder() {
    assertTrue(FreeText.problem("\uD800", 10).orElseThrow().contains("index 0"));
    assertTrue(FreeText.problem("ok\uDC00", 10).orElseThrow().contains("index 2"));
    assertTrue(FreeText.problem("\uDC00\uD800", 10).isPresent(), "low before high is no pair");
    assertTrue(FreeText.problem("end\uD800", 10).isPresent(), "a high surrogate at the end");
  }

  @Test
  void refusesControlCharactersAndOverlongText() {
    assertTrue(FreeText.problem("a\u0000b", 10).orElseThrow().contains("U+0000"));
    assertTrue(FreeText.problem("a\u001Bb", 10).isPresent());
    assertEquals("must be at most 3 characters", FreeText.problem("abcd", 3).orElseThrow());
    assertEquals(Optional.empty(), FreeText.problem("abc", 3));
  }

  @Test
  void aCheckNamesTheFieldWithTheInvalidTextCode() {
    var rejection = FreeText.check("reason", "x".repeat(1001), FreeText.REASON_MAX).orElseThrow();
    assertEquals(RejectionCode.INVALID_TEXT, rejection.code());
    assertEquals("reason must be at most 1000 characters", rejection.reason());
  }

  @Test
  void truncateKeepsShortTextsAndCutsLongOnesToTheReasonLimit() {
    assertEquals("short", FreeText.truncate("short"));
    assertNull(FreeText.truncate(null));
    String cut = FreeText.truncate("x".repeat(5000));
    assertEquals(FreeText.REASON_MAX, cut.length());
    assertTrue(cut.endsWith("…"));
    assertTrue(FreeText.check("r", cut, FreeText.REASON_MAX).isEmpty());
  }
}
