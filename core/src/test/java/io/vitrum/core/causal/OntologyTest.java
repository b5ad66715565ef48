package io.vitrum.core.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.FaultKind;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OntologyTest {
  private final Ontology ontology = Ontology.bundled();

  @Test
  void theSeedCoversEveryInjectableFaultAndEveryRejectClass() {
    for (FaultKind k : SimulatedIncident.kinds()) {
      assertEquals(NodeKind.FAULT, ontology.node(k.key()).orElseThrow().kind(), k.key());
    }
    for (String reject : FurnaceTags.REJECT_CLASSES) {
      assertFalse(ontology.defectsOf(reject).isEmpty(), reject);
    }
    assertTrue(ontology.node("cullet-swing").orElseThrow().reversible());
  }

  @Test
  void everyProcessFaultReachesADefectAndDriftReachesNone() {
    Set<String> defects =
        Set.copyOf(ontology.nodes(NodeKind.DEFECT).stream().map(CausalNode::id).toList());
    for (FaultKind k : SimulatedIncident.kinds()) {
      boolean reaches =
          !GraphPaths.between(ontology, EdgeStrengths.SEED, k.key(), defects).isEmpty();
      assertEquals(!k.isSensorFault(), reaches, k.key());
    }
  }

  @Test
  void sensorsMeasureTheirParametersWithTheRightSign() {
    assertEquals("lehr-cooling-rate", ontology.measureOf("F2.lehr.Z3").orElseThrow().parameter());
    assertEquals(-1, ontology.measureOf("F2.lehr.Z3").orElseThrow().sign());
    assertEquals("fining-temperature", ontology.measureOf("F1.crown.T4").orElseThrow().parameter());
    assertTrue(ontology.measureOf("F1.crown.P").isEmpty(), "crown pressure is not a temperature");
    long measured =
        FurnaceTags.of("F1").stream()
            .map(TagSpec::tag)
            .filter(t -> ontology.measureOf(t).isPresent())
            .count();
    assertTrue(measured >= 30, "measured " + measured);
  }

  @Test
  void aMalformedSeedNamesItsLine() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OntologySeed.parse("version,1\nnode,Fault,a,A,А\nedge,CAUSES,a,b,+,0.5,1\n"));
    assertTrue(e.getMessage().contains("unknown node"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> OntologySeed.parse("version,1\nnode,Fault,a,A,А\nedge,CAUSES,a,a,*,0.5,1\n"));
    assertTrue(e.getMessage().startsWith("ontology seed line 3"), e.getMessage());
  }
}
