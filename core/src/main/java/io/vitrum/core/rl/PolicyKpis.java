package io.vitrum.core.rl;

import io.vitrum.core.features.DomainFeatures;
import io.vitrum.core.physics.DefectClass;
import io.vitrum.core.physics.DefectModel;
import io.vitrum.core.physics.Disturbances;
import io.vitrum.core.physics.FurnaceOutputs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The live KPIs of a furnace under a policy: energy and gas per tonne and pull, from the twin's
 * estimate ({@link #of}) or from the plant's own meters ({@link #metered}), and expected defects
 * per 1000 in all and per class ({@code defects.<class>}) from the twin. A deployed policy is
 * watched on {@link #WATCHED} against baselines made from samples taken before it acted ({@link
 * #baselines}).
 */
public final class PolicyKpis {
  public static final String ENERGY = "energyPerTonneGj";
  public static final String GAS = "gasPerTonneNm3";
  public static final String PULL = "pullRateTpd";
  public static final String DEFECTS = "totalDefectsPerThousand";

  /** The KPIs a deployed policy must not make worse, each with whether a rise is worse. */
  public static final Map<String, Boolean> WATCHED = watched();

  private PolicyKpis() {}

  private static Map<String, Boolean> watched() {
    Map<String, Boolean> out = new LinkedHashMap<>();
    out.put(ENERGY, true);
    out.put(DEFECTS, true);
    out.put(PULL, false);
    return Collections.unmodifiableMap(out);
  }

  /** The KPIs of a furnace showing {@code outputs} under {@code disturbances}. */
  public static Map<String, Double> of(
      FurnaceOutputs outputs, Disturbances disturbances, DefectModel defects) {
    KpiAverage one = new KpiAverage();
    one.add(outputs, defects.rates(outputs, disturbances));
    IntervalKpis k = one.mean();
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(ENERGY, k.energyPerTonneGj());
    out.put(GAS, k.gasPerTonneNm3());
    out.put(PULL, k.pullRateTpd());
    out.put(DEFECTS, k.totalDefectsPerThousand());
    for (DefectClass c : DefectClass.values()) {
      out.put("defects." + c.name().toLowerCase(Locale.ROOT), k.defects(c));
    }
    return out;
  }

  /**
   * {@code kpis} with energy and gas per tonne and pull from the plant's meters: {@code gasNm3h} of
   * gas and {@code boostMw} of boost at a pull of {@code pullTpd}. The twin's estimate of gas and
   * energy follows the meters only as closely as its model and its disturbance estimates allow, and
   * these drift for hours after the twin starts; the meters show what the furnace burns.
   *
   * @throws IllegalArgumentException unless every value is finite, the pull positive and the gas
   *     and boost non-negative
   */
  public static Map<String, Double> metered(
      Map<String, Double> kpis, double gasNm3h, double boostMw, double pullTpd) {
    if (!(pullTpd > 0 && Double.isFinite(pullTpd))
        || !(gasNm3h >= 0 && Double.isFinite(gasNm3h))
        || !(boostMw >= 0 && Double.isFinite(boostMw))) {
      throw new IllegalArgumentException(
          "metered KPIs need a positive pull and finite, non-negative gas and boost, not "
              + gasNm3h
              + " Nm3/h, "
              + boostMw
              + " MW, "
              + pullTpd
              + " t/d");
    }
    Map<String, Double> out = new LinkedHashMap<>(kpis);
    out.put(ENERGY, DomainFeatures.energyPerTonneGj(gasNm3h, boostMw, pullTpd));
    out.put(GAS, DomainFeatures.gasPerTonneNm3(gasNm3h, pullTpd));
    out.put(PULL, pullTpd);
    return out;
  }

  /**
   * The baseline of each watched KPI over {@code samples} (rows of KPIs by name), its deviation at
   * least {@code minRelativeStd} of its mean: the twin's estimate of a steady furnace barely moves,
   * and a baseline that tight would call every ordinary drift a degradation.
   *
   * @throws IllegalArgumentException with fewer than 2 rows, or a watched KPI missing from one
   */
  public static List<KpiBaseline> baselines(List<Map<String, Double>> samples, double minRelative) {
    List<KpiBaseline> out = new ArrayList<>();
    for (Map.Entry<String, Boolean> w : WATCHED.entrySet()) {
      double[] values = new double[samples.size()];
      for (int i = 0; i < values.length; i++) {
        Double v = samples.get(i).get(w.getKey());
        if (v == null) {
          throw new IllegalArgumentException("sample " + i + " has no " + w.getKey());
        }
        values[i] = v;
      }
      KpiBaseline b = KpiBaseline.of(w.getKey(), w.getValue(), values);
      double floor = minRelative * Math.abs(b.mean());
      out.add(
          b.std() >= floor
              ? b
              : new KpiBaseline(b.kpi(), b.mean(), floor, b.higherIsWorse(), b.samples()));
    }
    return out;
  }
}
