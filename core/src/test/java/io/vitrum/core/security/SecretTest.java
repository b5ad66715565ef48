package io.vitrum.core.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretTest {
  private record Holder(String user, Secret password) {}

  @Test
  void toStringNeverShowsTheValue() {
    Secret secret = Secret.of("hunter2");
    assertEquals("****", secret.toString());
    assertEquals("****", Secret.NONE.toString(), "not even whether one is set");
    String record = new Holder("ops", secret).toString();
    assertFalse(record.contains("hunter2"), record);
    assertTrue(record.contains("password=****"), record);
    assertFalse(String.valueOf(secret).contains("hunter2"));
  }

  @Test
  void revealGivesTheValue() {
    Secret secret = Secret.of("hunter2");
    assertEquals("hunter2", secret.reveal());
    assertArrayEquals("hunter2".toCharArray(), secret.revealChars());
    assertFalse(secret.isEmpty());
  }

  @Test
  void emptyIsNone() {
    assertSame(Secret.NONE, Secret.of(""));
    assertTrue(Secret.NONE.isEmpty());
    assertEquals("", Secret.NONE.reveal());
    assertThrows(NullPointerException.class, () -> Secret.of(null));
  }

  @Test
  void equalityIsByValue() {
    assertEquals(Secret.of("a"), Secret.of("a"));
    assertEquals(Secret.of("a").hashCode(), Secret.of("a").hashCode());
    assertNotEquals(Secret.of("a"), Secret.of("b"));
    assertNotEquals(Secret.of("a"), Secret.NONE);
  }
}
