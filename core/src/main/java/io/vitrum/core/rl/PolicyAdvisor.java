package io.vitrum.core.rl;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.twin.DigitalTwin;
import io.vitrum.core.twin.Kpis;
import io.vitrum.core.twin.SetpointChange;
import io.vitrum.core.twin.TwinState;
import io.vitrum.core.twin.WhatIfOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a served policy proposes for a live furnace: it sees the twin's estimate of the furnace
 * under the setpoints in force, its action goes through the {@link SafetyShield} (what the policy
 * asked beyond the safe set is never proposed), and each setpoint it would move by at least {@link
 * #DEADBAND_STEPS} of its step becomes one {@link Advice} with the twin's expected effect of that
 * change alone over {@link #EFFECT_HORIZON_S}.
 */
public final class PolicyAdvisor {
  /** Moves smaller than this share of a setpoint's shield step are not proposed. */
  public static final double DEADBAND_STEPS = 0.25;

  /** How far ahead the twin judges a proposal, s. */
  public static final double EFFECT_HORIZON_S = 3600;

  /**
   * One proposed change.
   *
   * @param parameter the setpoint
   * @param current its value in force
   * @param proposed the shielded value proposed
   * @param expectedEffect the twin's expected change after {@link #EFFECT_HORIZON_S}: {@code
   *     energyPerTonneGj}, {@code gasFlowNm3h}, {@code totalDefectsPerThousand}, {@code
   *     lehrStressMPa}; empty when the twin could not judge it
   * @param reason why, in words
   */
  public record Advice(
      SetpointParameter parameter,
      double current,
      double proposed,
      Map<String, Double> expectedEffect,
      String reason) {
    public Advice {
      expectedEffect = Map.copyOf(expectedEffect);
    }
  }

  /**
   * A run of the policy: what it proposes, and the shield's verdict on what it asked.
   *
   * @param advice the proposed changes, possibly none
   * @param shielded the setpoints the shield allowed and what it changed in the request
   */
  public record Decision(List<Advice> advice, Shielded shielded) {
    public Decision {
      advice = List.copyOf(advice);
    }
  }

  private final SafetyShield shield;
  private final DigitalTwin twin;

  public PolicyAdvisor(SafetyShield shield, DigitalTwin twin) {
    this.shield = shield;
    this.twin = twin;
  }

  /**
   * Runs {@code policy} ({@code version}) on the twin's {@code state} with {@code current} the
   * setpoints in force (the furnace's, which the twin may not have synced yet).
   */
  public Decision decide(
      PolicyFunction policy, String version, TwinState state, Setpoints current) {
    TwinState now =
        new TwinState(
            state.furnaceId(),
            state.furnace(),
            current,
            state.disturbances(),
            state.syncs(),
            state.innovations());
    double[] action =
        policy.act(Observation.of(state.furnace().outputs(), current, state.disturbances()));
    Shielded safe = shield.project(current, shield.targets(current, action));
    List<Advice> advice = new ArrayList<>();
    for (SetpointParameter p : ControlledSetpoints.PARAMETERS) {
      double from = current.get(p);
      double to = safe.setpoints().get(p);
      if (Math.abs(to - from) < DEADBAND_STEPS * shield.limit(p).maxStep()) {
        continue;
      }
      Map<String, Double> effect = effect(now, p, to);
      advice.add(new Advice(p, from, to, effect, reason(version, p, from, to, effect, safe)));
    }
    return new Decision(advice, safe);
  }

  private Map<String, Double> effect(TwinState state, SetpointParameter p, double to) {
    WhatIfOutcome outcome =
        twin.whatIf(state, List.of(SetpointChange.absolute(p, to)), EFFECT_HORIZON_S);
    Map<String, Double> out = new LinkedHashMap<>();
    if (outcome instanceof WhatIfOutcome.Completed done) {
      Kpis d = done.delta();
      out.put(PolicyKpis.ENERGY, d.energyPerTonneGj());
      out.put("gasFlowNm3h", d.gasFlowNm3h());
      out.put(PolicyKpis.DEFECTS, d.totalDefectsPerThousand());
      out.put("lehrStressMPa", d.lehrStressMPa());
    }
    return out;
  }

  private static String reason(
      String version,
      SetpointParameter p,
      double from,
      double to,
      Map<String, Double> effect,
      Shielded safe) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%s moves %s from %.2f to %.2f %s",
                version,
                p.key(),
                from,
                to,
                p.unit()));
    Double energy = effect.get(PolicyKpis.ENERGY);
    Double defects = effect.get(PolicyKpis.DEFECTS);
    if (energy != null && defects != null) {
      s.append(
          String.format(
              Locale.ROOT,
              "; the twin expects energy per tonne %+.3f GJ/t and defects %+.2f per 1000 in an hour",
              energy,
              defects));
    }
    safe.reasons().stream()
        .filter(r -> r.startsWith(p.key()))
        .findFirst()
        .ifPresent(r -> s.append("; shield: ").append(r));
    return s.toString();
  }
}
