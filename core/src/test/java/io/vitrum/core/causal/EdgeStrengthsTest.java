package io.vitrum.core.causal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EdgeStrengthsTest {
  private final CausalEdge edge = new CausalEdge(Relation.CAUSES, "annealing", "crack", 1, 0.6, 5);

  @Test
  void theSeedStrengthIsThePriorMean() {
    assertEquals(0.6, EdgeStrengths.SEED.strength(edge), 1e-12);
    assertEquals(6, EdgeStrengths.SEED.belief(edge).alpha(), 1e-12);
  }

  @Test
  void oneAnswerMovesTheMeanByBayesRule() {
    // Beta(6, 4) after one confirmation is Beta(7, 4): mean 7/11; after a rejection Beta(6, 5).
    assertEquals(
        7.0 / 11, EdgeStrengths.SEED.withFeedback(List.of(edge), true).strength(edge), 1e-12);
    assertEquals(
        6.0 / 11, EdgeStrengths.SEED.withFeedback(List.of(edge), false).strength(edge), 1e-12);
  }

  @Test
  void noRunOfAnswersLeavesTheBounds() {
    EdgeStrengths up = EdgeStrengths.SEED;
    EdgeStrengths down = EdgeStrengths.SEED;
    for (int i = 0; i < 1000; i++) {
      up = up.withFeedback(List.of(edge), true);
      down = down.withFeedback(List.of(edge), false);
    }
    assertEquals(EdgeBelief.MAX_STRENGTH, up.strength(edge), 1e-12);
    assertEquals(EdgeBelief.MIN_STRENGTH, down.strength(edge), 1e-12);
  }
}
