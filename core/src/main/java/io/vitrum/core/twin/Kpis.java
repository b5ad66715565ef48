package io.vitrum.core.twin;

import io.vitrum.core.physics.DefectClass;
import io.vitrum.core.physics.DefectRates;
import io.vitrum.core.physics.FurnaceOutputs;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures a scenario is judged by, at one instant or averaged over a window: temperatures,
 * energy, viscosities, lehr stress and expected defects. Defects are keyed by the lower-case {@link
 * DefectClass} name ({@code seed}, {@code crack}, …) and, as rejects, by inspection class.
 *
 * @param crownC crown temperature, °C
 * @param meltTopC melt top (fining) temperature, °C
 * @param meltBottomC melt bottom temperature, °C
 * @param throatC throat temperature, °C
 * @param gobC gob temperature, °C
 * @param gasFlowNm3h gas flow, Nm³/h
 * @param energyPerTonneGj energy per tonne of glass, GJ/t
 * @param finingViscosityPaS viscosity at the melt top, Pa·s
 * @param throatViscosityPaS viscosity in the throat, Pa·s
 * @param gobViscosityPaS gob viscosity, Pa·s
 * @param lehrStressMPa lehr surface stress, MPa
 * @param defectsPerThousand expected defects per 1000 items by defect class
 * @param rejectsPerThousand expected rejects per 1000 items by inspection class
 * @param totalDefectsPerThousand expected defective items per 1000
 */
public record Kpis(
    double crownC,
    double meltTopC,
    double meltBottomC,
    double throatC,
    double gobC,
    double gasFlowNm3h,
    double energyPerTonneGj,
    double finingViscosityPaS,
    double throatViscosityPaS,
    double gobViscosityPaS,
    double lehrStressMPa,
    Map<String, Double> defectsPerThousand,
    Map<String, Double> rejectsPerThousand,
    double totalDefectsPerThousand) {

  private static final String DEFECT_PREFIX = "defects.";
  private static final String REJECT_PREFIX = "rejects.";

  public Kpis {
    defectsPerThousand = Collections.unmodifiableMap(new LinkedHashMap<>(defectsPerThousand));
    rejectsPerThousand = Collections.unmodifiableMap(new LinkedHashMap<>(rejectsPerThousand));
  }

  /** The figures of a line showing {@code outputs} with expected defects {@code rates}. */
  public static Kpis of(FurnaceOutputs outputs, DefectRates rates) {
    Map<String, Double> defects = new LinkedHashMap<>();
    for (Map.Entry<DefectClass, Double> e : rates.byClass().entrySet()) {
      defects.put(e.getKey().name().toLowerCase(Locale.ROOT), e.getValue());
    }
    return new Kpis(
        outputs.crownC(),
        outputs.meltTopC(),
        outputs.meltBottomC(),
        outputs.throatC(),
        outputs.gobC(),
        outputs.gasFlowNm3h(),
        outputs.energyPerTonneGj(),
        outputs.finingViscosityPaS(),
        outputs.throatViscosityPaS(),
        outputs.gobViscosityPaS(),
        outputs.lehrStressMPa(),
        defects,
        rates.byInspectionClass(),
        rates.total());
  }

  /**
   * Every figure under a flat name ({@code crownC}, {@code defects.seed}, {@code rejects.crack}).
   */
  public Map<String, Double> toMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("crownC", crownC);
    m.put("meltTopC", meltTopC);
    m.put("meltBottomC", meltBottomC);
    m.put("throatC", throatC);
    m.put("gobC", gobC);
    m.put("gasFlowNm3h", gasFlowNm3h);
    m.put("energyPerTonneGj", energyPerTonneGj);
    m.put("finingViscosityPaS", finingViscosityPaS);
    m.put("throatViscosityPaS", throatViscosityPaS);
    m.put("gobViscosityPaS", gobViscosityPaS);
    m.put("lehrStressMPa", lehrStressMPa);
    defectsPerThousand.forEach((k, v) -> m.put(DEFECT_PREFIX + k, v));
    rejectsPerThousand.forEach((k, v) -> m.put(REJECT_PREFIX + k, v));
    m.put("totalDefectsPerThousand", totalDefectsPerThousand);
    return m;
  }

  /** The inverse of {@link #toMap()}. */
  public static Kpis fromMap(Map<String, Double> m) {
    Map<String, Double> defects = new LinkedHashMap<>();
    Map<String, Double> rejects = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : m.entrySet()) {
      if (e.getKey().startsWith(DEFECT_PREFIX)) {
        defects.put(e.getKey().substring(DEFECT_PREFIX.length()), e.getValue());
      } else if (e.getKey().startsWith(REJECT_PREFIX)) {
        rejects.put(e.getKey().substring(REJECT_PREFIX.length()), e.getValue());
      }
    }
    return new Kpis(
        m.get("crownC"),
        m.get("meltTopC"),
        m.get("meltBottomC"),
        m.get("throatC"),
        m.get("gobC"),
        m.get("gasFlowNm3h"),
        m.get("energyPerTonneGj"),
        m.get("finingViscosityPaS"),
        m.get("throatViscosityPaS"),
        m.get("gobViscosityPaS"),
        m.get("lehrStressMPa"),
        defects,
        rejects,
        m.get("totalDefectsPerThousand"));
  }

  /** This minus {@code other}, figure by figure. */
  public Kpis minus(Kpis other) {
    Map<String, Double> mine = toMap();
    Map<String, Double> theirs = other.toMap();
    Map<String, Double> out = new LinkedHashMap<>();
    mine.forEach((k, v) -> out.put(k, v - theirs.getOrDefault(k, 0.0)));
    return fromMap(out);
  }

  /** The figure-by-figure mean of {@code samples}, which must not be empty. */
  public static Kpis mean(List<Kpis> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to average");
    }
    Map<String, Double> sum = new LinkedHashMap<>();
    for (Kpis k : samples) {
      k.toMap().forEach((name, v) -> sum.merge(name, v, Double::sum));
    }
    sum.replaceAll((name, v) -> v / samples.size());
    return fromMap(sum);
  }
}
