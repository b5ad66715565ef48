package io.vitrum.core.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrincipalTest {

  @Test
  void rolesAreIndependentAndAdminHoldsThemAll() {
    Principal operator =
        new Principal("op", Set.of(Role.OPERATOR), FurnaceScope.everything(), Instant.MAX);
    assertTrue(operator.has(Role.OPERATOR));
    assertFalse(operator.has(Role.INTEGRATOR));
    assertFalse(operator.has(Role.VIEWER));
    assertTrue(operator.hasAny(Set.of(Role.VIEWER, Role.OPERATOR)));
    assertFalse(operator.hasAny(Set.of(Role.INTEGRATOR, Role.ADMIN)));

    Principal admin =
        new Principal("root", Set.of(Role.ADMIN), FurnaceScope.everything(), Instant.MAX);
    for (Role role : Role.values()) {
      assertTrue(admin.has(role));
    }
    assertFalse(
        new Principal("none", Set.of(), FurnaceScope.everything(), Instant.MAX)
            .hasAny(Set.of(Role.VIEWER)));
  }

  @Test
  void scopeNamesFurnacesOrAll() {
    Principal f1 =
        new Principal("v", Set.of(Role.VIEWER), FurnaceScope.only(Set.of("F1")), Instant.MAX);
    assertTrue(f1.sees("F1"));
    assertFalse(f1.sees("F2"));
    assertFalse(f1.scope().all());
    assertTrue(FurnaceScope.only(Set.of("F1", FurnaceScope.EVERY)).all());
    assertTrue(FurnaceScope.everything().includes("anything"));
    assertEquals("F1,F3", FurnaceScope.only(Set.of("F3", "F1")).toString());
  }

  @Test
  void rolesParseFromTheirWireNames() {
    assertEquals(Role.INTEGRATOR, Role.parse("Integrator").orElseThrow());
    assertEquals("operator", Role.OPERATOR.wireName());
    assertTrue(Role.parse("root").isEmpty());
  }
}
