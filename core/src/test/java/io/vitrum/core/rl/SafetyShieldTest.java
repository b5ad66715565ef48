package io.vitrum.core.rl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SafetyShieldTest {
  private static final SetpointParameter CROWN = SetpointParameter.CROWN_TEMPERATURE;
  private static final SetpointParameter O2 = SetpointParameter.EXCESS_O2;
  private static final SetpointParameter BOOST = SetpointParameter.ELECTRIC_BOOST;
  private static final SetpointParameter LEHR = SetpointParameter.LEHR_COOLING_RATE;

  private final SafetyShield shield = SafetyShield.containerDefaults();

  /** Crown 1560 °C, O2 2 %, boost 1 MW, lehr 7 °C/min: inside every limit, no combination. */
  private static Setpoints current() {
    return Setpoints.nominal();
  }

  @Test
  void aRequestWithinLimitsAndStepsPassesUnchanged() {
    Setpoints now = current();
    // Each change is below the step (10 K, 0.25 %, 0.25 MW, 1 °C/min) and stays in the limits.
    double[] request = {1568, 1.8, 1.25, 6.1};
    Shielded out = shield.project(now, request);

    assertEquals(0, out.interventions());
    assertTrue(out.reasons().isEmpty(), out.reasons().toString());
    for (int i = 0; i < request.length; i++) {
      assertEquals(request[i], out.setpoints().get(ControlledSetpoints.PARAMETERS.get(i)), 0);
    }
    assertEquals(now.pullRateTpd(), out.setpoints().pullRateTpd(), 0, "pull is not controlled");
    assertEquals(now.gobTemperatureC(), out.setpoints().gobTemperatureC(), 0);
    assertEquals(now.culletFractionPct(), out.setpoints().culletFractionPct(), 0);
  }

  @Test
  void anActionIsReadInStepsOfEachSetpoint() {
    // One step up the crown (10 K), half a step down O2 (0.125 %), two up boost, none for lehr.
    double[] targets = shield.targets(current(), new double[] {1, -0.5, 2, 0});
    assertEquals(1570, targets[0], 1e-12);
    assertEquals(Setpoints.nominal().get(O2) - 0.125, targets[1], 1e-12);
    assertEquals(Setpoints.nominal().get(BOOST) + 0.5, targets[2], 1e-12);
    assertEquals(Setpoints.nominal().get(LEHR), targets[3], 1e-12);
  }

  @Test
  void aNonFiniteRequestKeepsTheCurrentValueAndCountsOneInterventionEach() {
    Setpoints now = current();
    double[] request = {Double.NaN, Double.POSITIVE_INFINITY, 1.0, Double.NEGATIVE_INFINITY};
    Shielded out = shield.project(now, request);

    assertEquals(3, out.interventions(), out.reasons().toString());
    assertEquals(3, out.reasons().size());
    assertEquals(now.get(CROWN), out.setpoints().get(CROWN), 0);
    assertEquals(now.get(O2), out.setpoints().get(O2), 0);
    assertEquals(1.0, out.setpoints().get(BOOST), 0);
    assertEquals(now.get(LEHR), out.setpoints().get(LEHR), 0);
    assertTrue(shield.violations(now, out.setpoints()).isEmpty());
  }

  @Test
  void aRequestFarBeyondABoundMovesOneStepTowardsItOrOntoItWhenItIsWithinAStep() {
    // From 1560 the crown's upper limit 1620 is six steps away: one step of 10 K, to 1570.
    Shielded far = shield.project(current(), new double[] {5000, 2, 1, 7});
    assertEquals(1570, far.setpoints().get(CROWN), 0);
    assertEquals(1, far.interventions(), far.reasons().toString());

    // From 1614 the limit is 6 K away, inside one step: the crown lands exactly on 1620.
    Setpoints near = current().with(CROWN, 1614);
    Shielded onBound = shield.project(near, new double[] {5000, 2, 1, 7});
    assertEquals(1620, onBound.setpoints().get(CROWN), 0);
    assertEquals(1, onBound.interventions());

    // Downwards too: boost 0.1 MW asked for -40 MW lands on the lower limit 0; from 1 MW it
    // moves one step of 0.25 to 0.75.
    Shielded boostNear = shield.project(current().with(BOOST, 0.1), new double[] {1560, 2, -40, 7});
    assertEquals(0, boostNear.setpoints().get(BOOST), 0);
    Shielded boostFar = shield.project(current(), new double[] {1560, 2, -40, 7});
    assertEquals(0.75, boostFar.setpoints().get(BOOST), 0);

    // A value inside the limits but more than a step away is also stepped, and counted once.
    Shielded lehr = shield.project(current(), new double[] {1560, 2, 1, 11});
    assertEquals(8, lehr.setpoints().get(LEHR), 0);
    assertEquals(1, lehr.interventions());
    assertEquals(List.of("lehrCoolingRate: step +4.000 beyond 1.0 per interval"), lehr.reasons());
  }

  @Test
  void aForbiddenCombinationIsRepairedByRaisingO2ToOnePercent() {
    Setpoints now = current().with(CROWN, 1605).with(O2, 1.1);
    assertFalse(ForbiddenCombination.LOW_O2_HOT_CROWN.violatedBy(now), "1.1 % is not below 1 %");
    // Crown 1610 and O2 0.9 are each a legal one-step move, but together a reducing flame
    // against a crown above 1600 °C.
    Shielded out = shield.project(now, new double[] {1610, 0.9, 1, 7});

    assertEquals(1610, out.setpoints().get(CROWN), 0, "the crown move is allowed");
    assertEquals(1.0, out.setpoints().get(O2), 0, "O2 goes back to the combination's limit");
    assertFalse(ForbiddenCombination.LOW_O2_HOT_CROWN.violatedBy(out.setpoints()));
    assertEquals(1, out.interventions(), out.reasons().toString());
    assertTrue(out.reasons().get(0).contains("excessO2"), out.reasons().toString());
    assertTrue(shield.violations(now, out.setpoints()).isEmpty());
    // Without the repair the request itself would be reported.
    Setpoints unrepaired = now.with(CROWN, 1610).with(O2, 0.9);
    assertFalse(shield.violations(now, unrepaired).isEmpty());
  }

  @Test
  void tenThousandWildRequestsAllLandInsideTheSafeSet() {
    Random rnd = new Random(20240611L);
    int checked = 0;
    int interventions = 0;
    for (int n = 0; n < 10_000; n++) {
      Setpoints now = randomSafeSetpoints(rnd);
      double[] request = new double[ControlledSetpoints.SIZE];
      for (int i = 0; i < request.length; i++) {
        request[i] = rnd.nextInt(20) == 0 ? Double.NaN : -1e4 + 2e4 * rnd.nextDouble();
      }
      Shielded out = shield.project(now, request);
      Setpoints result = out.setpoints();
      String context = "from " + now + " asked " + Arrays.toString(request);

      List<String> violations = shield.violations(now, result);
      assertTrue(violations.isEmpty(), context + ": " + violations);
      for (SetpointParameter p : ControlledSetpoints.PARAMETERS) {
        ShieldLimit limit = shield.limit(p);
        double v = result.get(p);
        assertTrue(limit.contains(v), context + ": " + p.key() + " = " + v);
        assertTrue(
            Math.abs(v - now.get(p)) <= limit.maxStep() * (1 + 1e-12),
            context + ": " + p.key() + " stepped " + (v - now.get(p)));
      }
      for (ForbiddenCombination c : shield.combinations()) {
        assertFalse(c.violatedBy(result), context + ": " + c.reason());
      }
      assertEquals(now.pullRateTpd(), result.pullRateTpd(), 0);
      interventions += out.interventions();
      checked++;
    }
    assertEquals(10_000, checked);
    // Requests uniform over ±1e4 are practically never within a step, so nearly every value is
    // changed: at least three of the four per request.
    assertTrue(interventions > 30_000, "interventions " + interventions);
  }

  /** Uniform inside every limit, rejecting the few points that sit in a forbidden combination. */
  private Setpoints randomSafeSetpoints(Random rnd) {
    while (true) {
      Setpoints s = current();
      for (SetpointParameter p : ControlledSetpoints.PARAMETERS) {
        ShieldLimit limit = shield.limit(p);
        s = s.with(p, limit.min() + (limit.max() - limit.min()) * rnd.nextDouble());
      }
      Setpoints candidate = s;
      if (shield.combinations().stream().noneMatch(c -> c.violatedBy(candidate))) {
        return s;
      }
    }
  }

  @Test
  void fromOutsideTheLimitsTheShieldMovesBackByAtMostOneStep() {
    // An operator put the crown at 1640, 20 K above the shield's 1620.
    Setpoints now = current().with(CROWN, 1640);
    for (double asked : new double[] {1640, 1700, 1630, 1580, -1e4}) {
      Shielded out = shield.project(now, new double[] {asked, 2, 1, 7});
      double crown = out.setpoints().get(CROWN);
      assertEquals(1630, crown, 0, "asked " + asked);
      assertTrue(shield.violations(now, out.setpoints()).isEmpty(), "asked " + asked);
    }
    // 5 K above the limit: within one step, so straight back onto it.
    Setpoints slightlyAbove = current().with(CROWN, 1625);
    Shielded back = shield.project(slightlyAbove, new double[] {1625, 2, 1, 7});
    assertEquals(1620, back.setpoints().get(CROWN), 0);
    assertTrue(shield.violations(slightlyAbove, back.setpoints()).isEmpty());
    // Below the lower limit, lehr 2 °C/min against 4: one step of 1 up.
    Setpoints lehrLow = current().with(LEHR, 2);
    Shielded up = shield.project(lehrLow, new double[] {1560, 2, 1, 2});
    assertEquals(3, up.setpoints().get(LEHR), 0);
    assertTrue(shield.violations(lehrLow, up.setpoints()).isEmpty());
  }

  @Test
  void violationsReportsASetpointOutsideItsLimitsAndAStepTooLarge() {
    Setpoints now = current().with(CROWN, 1615);
    // A one-step move to 1625 is fine as a step but leaves the limit 1620.
    List<String> outside = shield.violations(now, now.with(CROWN, 1625));
    assertEquals(1, outside.size(), outside.toString());
    assertTrue(outside.get(0).contains("outside"), outside.toString());

    // 1560 -> 1600 stays inside the limits but is four steps.
    List<String> tooFar = shield.violations(current(), current().with(CROWN, 1600));
    assertEquals(1, tooFar.size(), tooFar.toString());
    assertTrue(tooFar.get(0).contains("more than"), tooFar.toString());

    // Both at once on two setpoints, and staying outside the limits (not moving towards them).
    Setpoints outsideNow = current().with(O2, 3.6);
    List<String> both = shield.violations(outsideNow, outsideNow.with(O2, 3.7).with(BOOST, 1.5));
    assertEquals(2, both.size(), both.toString());

    // Exactly one step is allowed, a hair more is not.
    assertTrue(shield.violations(current(), current().with(LEHR, 8)).isEmpty());
    assertFalse(shield.violations(current(), current().with(LEHR, 8.001)).isEmpty());
    assertEquals(List.of(), shield.violations(current(), current()));
  }
}
