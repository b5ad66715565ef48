package io.vitrum.http.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Correlation ids: safe callers' ids are kept, fresh ones are unique version-4 UUIDs. */
class CorrelationIdsTest {

  @Test
  void freshIdsAreUniqueVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = CorrelationIds.fresh();
      UUID uuid = UUID.fromString(id);
      assertEquals(id, uuid.toString());
      assertEquals(4, uuid.version());
      assertEquals(2, uuid.variant());
      assertTrue(CorrelationIds.isSafe(id), id);
      assertTrue(seen.add(id), "unique");
    }
  }

  @Test
  void aSafeIdIsKeptAnythingElseReplaced() {
    assertEquals("c-1.a_b:C9", CorrelationIds.acceptOrFresh(Optional.of("c-1.a_b:C9")));
    String max = "a".repeat(64);
    assertEquals(max, CorrelationIds.acceptOrFresh(Optional.of(max)));
    for (String unsafe : new String[] {"", "a".repeat(65), "<script>", "a b", "a/b", "\u00e9"}) {
      assertFalse(CorrelationIds.isSafe(unsafe), unsafe);
      String replaced = CorrelationIds.acceptOrFresh(Optional.of(unsafe));
      assertEquals(replaced, UUID.fromString(replaced).toString());
    }
    assertTrue(CorrelationIds.isSafe(CorrelationIds.acceptOrFresh(Optional.empty())));
  }
}
