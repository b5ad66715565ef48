package io.vitrum.core.rl;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The safe set a policy acts in: per controlled setpoint its limits and largest step per control
 * interval ({@link ShieldLimit}), and the {@link ForbiddenCombination}s. {@link #project} turns any
 * request, however wild (NaN, far out of range, a forbidden pair), into the nearest setpoints
 * inside the safe set, moving no setpoint by more than its step from where it is; the request
 * itself is never applied. When the current setpoints are themselves outside the limits (an
 * operator put them there), the shield only moves back towards the limits.
 */
public final class SafetyShield {
  private final Map<SetpointParameter, ShieldLimit> limits;
  private final List<ForbiddenCombination> combinations;

  /**
   * @throws IllegalArgumentException when a controlled setpoint has no limit
   */
  public SafetyShield(List<ShieldLimit> limits, List<ForbiddenCombination> combinations) {
    Map<SetpointParameter, ShieldLimit> byParameter = new EnumMap<>(SetpointParameter.class);
    for (ShieldLimit limit : limits) {
      byParameter.put(limit.parameter(), limit);
    }
    for (SetpointParameter p : ControlledSetpoints.PARAMETERS) {
      if (!byParameter.containsKey(p)) {
        throw new IllegalArgumentException("no shield limit for " + p.key());
      }
    }
    this.limits = Map.copyOf(byParameter);
    this.combinations = List.copyOf(combinations);
  }

  /**
   * The default safe set for a container furnace: crown 1500–1620 °C by at most 10 K, excess O2
   * 0.8–3.5 % by 0.25, boost 0–3 MW by 0.25, lehr cooling 4–12 °C/min by 1, per interval; and both
   * forbidden combinations.
   */
  public static SafetyShield containerDefaults() {
    return new SafetyShield(
        List.of(
            new ShieldLimit(SetpointParameter.CROWN_TEMPERATURE, 1500, 1620, 10),
            new ShieldLimit(SetpointParameter.EXCESS_O2, 0.8, 3.5, 0.25),
            new ShieldLimit(SetpointParameter.ELECTRIC_BOOST, 0, 3, 0.25),
            new ShieldLimit(SetpointParameter.LEHR_COOLING_RATE, 4, 12, 1)),
        List.of(ForbiddenCombination.LOW_O2_HOT_CROWN, ForbiddenCombination.HIGH_BOOST_COLD_CROWN));
  }

  /** The limit of {@code parameter}, a controlled setpoint. */
  public ShieldLimit limit(SetpointParameter parameter) {
    ShieldLimit limit = limits.get(parameter);
    if (limit == null) {
      throw new IllegalArgumentException(parameter.key() + " is not controlled by a policy");
    }
    return limit;
  }

  public List<ForbiddenCombination> combinations() {
    return combinations;
  }

  /**
   * The targets a policy's {@code action} asks for from {@code current}: per controlled setpoint,
   * its current value plus the action's value in units of that setpoint's step. Not yet shielded.
   */
  public double[] targets(Setpoints current, double[] action) {
    if (action.length != ControlledSetpoints.SIZE) {
      throw new IllegalArgumentException(
          "expected " + ControlledSetpoints.SIZE + " action values, got " + action.length);
    }
    double[] requested = new double[action.length];
    for (int i = 0; i < requested.length; i++) {
      SetpointParameter p = ControlledSetpoints.PARAMETERS.get(i);
      requested[i] = current.get(p) + action[i] * limit(p).maxStep();
    }
    return requested;
  }

  /**
   * The safe setpoints nearest to {@code requested} (one target value per {@link
   * ControlledSetpoints#PARAMETERS}, in their units) starting from {@code current}.
   */
  public Shielded project(Setpoints current, double[] requested) {
    if (requested.length != ControlledSetpoints.SIZE) {
      throw new IllegalArgumentException(
          "expected " + ControlledSetpoints.SIZE + " targets, got " + requested.length);
    }
    List<String> reasons = new ArrayList<>();
    Map<SetpointParameter, Double> next = new EnumMap<>(SetpointParameter.class);
    for (int i = 0; i < requested.length; i++) {
      SetpointParameter p = ControlledSetpoints.PARAMETERS.get(i);
      double safe = projectOne(limit(p), current.get(p), requested[i], reasons);
      next.put(p, safe);
    }
    Setpoints out = current.withAll(next);
    for (ForbiddenCombination c : combinations) {
      if (c.violatedBy(out)) {
        out = repair(c, current, out, reasons);
      }
    }
    return new Shielded(out, reasons.size(), reasons);
  }

  /**
   * What is wrong with moving from {@code previous} to {@code applied}: a controlled setpoint
   * outside its limits (unless it moved towards them by no more than a step), a step beyond the
   * limit, or a forbidden combination that {@code previous} did not already have. Empty for
   * anything {@link #project} returns.
   */
  public List<String> violations(Setpoints previous, Setpoints applied) {
    List<String> out = new ArrayList<>();
    for (SetpointParameter p : ControlledSetpoints.PARAMETERS) {
      ShieldLimit limit = limit(p);
      double before = previous.get(p);
      double after = applied.get(p);
      if (!Double.isFinite(after)) {
        out.add(p.key() + " is not finite");
        continue;
      }
      if (Math.abs(after - before) > limit.maxStep() + tolerance(limit)) {
        out.add("%s moved %s by more than %s".formatted(p.key(), after - before, limit.maxStep()));
      }
      if (!limit.contains(after) && !towards(limit, before, after)) {
        out.add("%s %s outside [%s, %s]".formatted(p.key(), after, limit.min(), limit.max()));
      }
    }
    for (ForbiddenCombination c : combinations) {
      if (c.violatedBy(applied) && !c.violatedBy(previous)) {
        out.add("forbidden: " + c.reason());
      }
    }
    return out;
  }

  private static double projectOne(
      ShieldLimit limit, double current, double target, List<String> reasons) {
    String key = limit.parameter().key();
    double value = target;
    if (!Double.isFinite(value)) {
      reasons.add(key + ": request not finite, kept at " + current);
      return current;
    }
    double clamped = Math.max(limit.min(), Math.min(limit.max(), value));
    if (clamped != value) {
      reasons.add("%s: %s outside [%s, %s]".formatted(key, value, limit.min(), limit.max()));
    }
    double step = clamped - current;
    if (Math.abs(step) > limit.maxStep()) {
      double stepped = current + Math.signum(step) * limit.maxStep();
      if (clamped == value) {
        reasons.add(
            String.format(
                Locale.ROOT,
                "%s: step %+.3f beyond %s per interval",
                key,
                value - current,
                limit.maxStep()));
      }
      return stepped;
    }
    return clamped;
  }

  private Setpoints repair(
      ForbiddenCombination c, Setpoints current, Setpoints proposed, List<String> reasons) {
    ShieldLimit limit = limit(c.then());
    double back = c.thenLimit();
    Setpoints repaired = proposed.with(c.then(), back);
    boolean reachable =
        limit.contains(back) && Math.abs(back - current.get(c.then())) <= limit.maxStep();
    if (reachable && !c.violatedBy(repaired)) {
      reasons.add("%s set to %s: %s".formatted(c.then().key(), back, c.reason()));
      return repaired;
    }
    reasons.add("%s and %s kept: %s".formatted(c.when().key(), c.then().key(), c.reason()));
    return proposed.with(c.when(), current.get(c.when())).with(c.then(), current.get(c.then()));
  }

  private static boolean towards(ShieldLimit limit, double before, double after) {
    double outsideBefore = distanceOutside(limit, before);
    return distanceOutside(limit, after) < outsideBefore
        && Math.abs(after - before) <= limit.maxStep() + tolerance(limit);
  }

  private static double distanceOutside(ShieldLimit limit, double value) {
    return Math.max(0, Math.max(limit.min() - value, value - limit.max()));
  }

  private static double tolerance(ShieldLimit limit) {
    return limit.maxStep() * 1e-9;
  }
}
