package io.vitrum.core.rejection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RejectionCodeTest {

  @Test
  void everyWireCodeIsUniqueAndKebabCase() {
    Set<String> seen = new HashSet<>();
    for (RejectionCode code : RejectionCode.values()) {
      assertTrue(code.wire().matches("[a-z]+(-[a-z0-9]+)*"), code.wire());
      assertTrue(seen.add(code.wire()), "duplicate " + code.wire());
    }
  }

  @Test
  void theKindsThatIntegratorsBranchOnStayPut() {
    assertEquals(RejectionKind.CONFLICT, RejectionCode.AUTONOMY_FORBIDS.kind());
    assertEquals(RejectionKind.NOT_FOUND, RejectionCode.UNKNOWN_ALARM.kind());
    assertEquals(RejectionKind.BUSY, RejectionCode.BUSY.kind());
    assertEquals(RejectionKind.UNPROCESSABLE, RejectionCode.OUT_OF_BOUNDS.kind());
  }
}
