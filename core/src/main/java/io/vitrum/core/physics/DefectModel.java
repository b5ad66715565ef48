package io.vitrum.core.physics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Expected defect rates from the process state (DOMAIN.md §4): deterministic, so the simulator
 * samples counts from it with its own random source and the twin compares scenarios without noise.
 *
 * <p>Each class has a baseline rate scaled by one factor per driver; a factor is 1 when its driver
 * sits at the reference, above 1 when it pushes defects up and below 1 when it holds them down. The
 * rate above the (possibly reduced) baseline is shared among the factors above 1 in proportion to
 * their logarithms, which sums exactly and does not depend on the order of the factors. Every
 * number is an engineering estimate to calibrate against a plant's reject history.
 *
 * @param seedBaseline seeds per 1000 items at reference conditions
 * @param blisterBaseline blisters per 1000 items at reference conditions
 * @param stoneBaseline stones per 1000 items at reference conditions
 * @param cordBaseline cord per 1000 items at reference conditions
 * @param crackBaseline checks and cracks per 1000 items at reference conditions
 * @param chipBaseline chips per 1000 items at reference conditions
 * @param finingReferenceC melt top temperature of the baseline, °C
 * @param finingSensitivityPerK relative seed change per kelvin of fining temperature (~1 %/K)
 * @param pullReferenceTpd pull of the baseline, t/day
 * @param seedPullExponent seeds scale with {@code (pull/reference)^exponent}
 * @param liquidusC liquidus of the glass, °C (container 1040)
 * @param liquidusMarginK devitrification starts this far above the liquidus, K
 * @param liquidusScaleK stones grow by a factor e per this many kelvin below liquidus + margin
 * @param unmeltedScaleK stones grow by a factor e per this many kelvin of melt top below reference
 * @param crackStressReferenceMPa lehr stress of the baseline, MPa
 * @param crackStressExponent cracks scale with {@code (stress/reference)^exponent}
 * @param gobReferenceC gob temperature the forming machine is set up for, °C
 * @param gobCrackScaleK cracks grow by {@code (Δ/scale)²} of gob deviation, K
 * @param gobChipScaleK chips grow by {@code (Δ/scale)²} of gob deviation, K
 * @param wearGain relative rise of stones, cord and blisters at full refractory wear
 * @param culletSwingPerPct relative rise of seeds, cord and blisters per point of cullet swing
 * @param moistureGain relative rise of cord and seeds per unit mass fraction of extra water
 * @param burnerGain relative rise of seeds and stones per unit of burner efficiency lost
 * @param annealing material constants, to split the lehr stress into rate and unevenness
 */
public record DefectModel(
    double seedBaseline,
    double blisterBaseline,
    double stoneBaseline,
    double cordBaseline,
    double crackBaseline,
    double chipBaseline,
    double finingReferenceC,
    double finingSensitivityPerK,
    double pullReferenceTpd,
    double seedPullExponent,
    double liquidusC,
    double liquidusMarginK,
    double liquidusScaleK,
    double unmeltedScaleK,
    double crackStressReferenceMPa,
    double crackStressExponent,
    double gobReferenceC,
    double gobCrackScaleK,
    double gobChipScaleK,
    double wearGain,
    double culletSwingPerPct,
    double moistureGain,
    double burnerGain,
    AnnealingStress annealing) {

  /** The most any class can reach: every item defective. */
  private static final double CEILING_PER_THOUSAND = 1000;

  public DefectModel {
    if (annealing == null) {
      throw new IllegalArgumentException("annealing is required");
    }
    double[] positive = {
      pullReferenceTpd,
      liquidusScaleK,
      unmeltedScaleK,
      crackStressReferenceMPa,
      gobCrackScaleK,
      gobChipScaleK
    };
    for (double v : positive) {
      if (!(v > 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("defect model scales must be positive");
      }
    }
    double[] nonNegative = {
      seedBaseline,
      blisterBaseline,
      stoneBaseline,
      cordBaseline,
      crackBaseline,
      chipBaseline,
      finingSensitivityPerK,
      seedPullExponent,
      liquidusMarginK,
      crackStressExponent,
      wearGain,
      culletSwingPerPct,
      moistureGain,
      burnerGain
    };
    for (double v : nonNegative) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new IllegalArgumentException("defect model gains must be non-negative");
      }
    }
  }

  /** A container line at 300 t/day, calibrated to a few per mille per class at nominal. */
  public static DefectModel containerDefaults() {
    return new DefectModel(
        4.0,
        0.5,
        0.8,
        0.6,
        3.0,
        1.5,
        1450,
        0.01,
        300,
        1.5,
        1040,
        20,
        20,
        25,
        0.25,
        2,
        1100,
        20,
        30,
        5,
        0.04,
        10,
        3,
        AnnealingStress.SODA_LIME);
  }

  /** Expected rates for a line showing {@code outputs} under {@code disturbances}. */
  public DefectRates rates(FurnaceOutputs outputs, Disturbances disturbances) {
    double pullRatio = Math.max(outputs.pullRateTpd(), 0) / pullReferenceTpd;
    double finingFactor =
        Math.exp(-finingSensitivityPerK * (outputs.meltTopC() - finingReferenceC));
    double wear = 1 + wearGain * disturbances.refractoryWear();
    double swing = 1 + culletSwingPerPct * Math.abs(disturbances.culletOffsetPct());
    double moisture = 1 + moistureGain * disturbances.batchMoisture();
    double burner = 1 + burnerGain * (1 - disturbances.burnerEfficiency());
    double coldest = Math.min(outputs.throatC(), outputs.gobC());
    double liquidus = Math.exp(Math.max(0, liquidusC + liquidusMarginK - coldest) / liquidusScaleK);
    double unmelted = Math.exp(Math.max(0, finingReferenceC - outputs.meltTopC()) / unmeltedScaleK);
    double unevenStress = annealing.restrainedStressMPa(disturbances.lehrUnevennessK());
    double rateStress = Math.max(outputs.lehrStressMPa() - unevenStress, 1e-9);
    double fast = Math.pow(rateStress / crackStressReferenceMPa, crackStressExponent);
    double uneven = Math.pow((rateStress + unevenStress) / rateStress, crackStressExponent);
    double gobOff = outputs.gobC() - gobReferenceC;
    double gobCrack = 1 + Math.pow(gobOff / gobCrackScaleK, 2);
    double gobChip = 1 + Math.pow(gobOff / gobChipScaleK, 2);

    List<CauseContribution> out = new ArrayList<>();
    attribute(
        out,
        DefectClass.SEED,
        seedBaseline,
        new EnumMap<>(
            Map.of(
                DefectCause.FINING_TEMPERATURE_LOW, finingFactor,
                DefectCause.PULL_HIGH, Math.pow(pullRatio, seedPullExponent),
                DefectCause.CULLET_SWING, swing,
                DefectCause.BATCH_MOISTURE, moisture,
                DefectCause.BURNER_DEGRADATION, burner)));
    attribute(
        out,
        DefectClass.BLISTER,
        blisterBaseline,
        new EnumMap<>(Map.of(DefectCause.REFRACTORY_WEAR, wear, DefectCause.CULLET_SWING, swing)));
    attribute(
        out,
        DefectClass.STONE,
        stoneBaseline,
        new EnumMap<>(
            Map.of(
                DefectCause.REFRACTORY_WEAR, wear,
                DefectCause.BELOW_LIQUIDUS, liquidus,
                DefectCause.MELT_TEMPERATURE_LOW, unmelted,
                DefectCause.PULL_HIGH, pullRatio,
                DefectCause.BURNER_DEGRADATION, burner)));
    attribute(
        out,
        DefectClass.CORD,
        cordBaseline,
        new EnumMap<>(
            Map.of(
                DefectCause.REFRACTORY_WEAR, wear,
                DefectCause.BATCH_MOISTURE, moisture,
                DefectCause.CULLET_SWING, swing,
                DefectCause.PULL_HIGH, pullRatio)));
    attribute(
        out,
        DefectClass.CRACK,
        crackBaseline,
        new EnumMap<>(
            Map.of(
                DefectCause.LEHR_COOLING_FAST, fast,
                DefectCause.LEHR_COOLING_UNEVEN, uneven,
                DefectCause.GOB_TEMPERATURE_OFF, gobCrack)));
    attribute(
        out,
        DefectClass.CHIP,
        chipBaseline,
        new EnumMap<>(
            Map.of(DefectCause.GOB_TEMPERATURE_OFF, gobChip, DefectCause.PULL_HIGH, pullRatio)));
    return new DefectRates(out);
  }

  /**
   * Appends the contributions of one class: the baseline shrunk by the factors below 1, and the
   * rest shared among the factors above 1 by their logarithms; all scaled down together if the
   * class would exceed every item.
   */
  private static void attribute(
      List<CauseContribution> out,
      DefectClass defectClass,
      double baseline,
      Map<DefectCause, Double> factors) {
    double reducedBaseline = baseline;
    double logSum = 0;
    double total = baseline;
    for (double f : factors.values()) {
      total *= f;
      if (f < 1) {
        reducedBaseline *= f;
      } else {
        logSum += Math.log(f);
      }
    }
    double scale = total > CEILING_PER_THOUSAND ? CEILING_PER_THOUSAND / total : 1;
    double excess = total - reducedBaseline;
    add(out, defectClass, DefectCause.BASELINE, reducedBaseline * scale);
    for (Map.Entry<DefectCause, Double> e : factors.entrySet()) {
      if (e.getValue() > 1 && logSum > 0) {
        add(out, defectClass, e.getKey(), excess * Math.log(e.getValue()) / logSum * scale);
      }
    }
  }

  private static void add(
      List<CauseContribution> out, DefectClass defectClass, DefectCause cause, double rate) {
    if (rate > 0) {
      out.add(new CauseContribution(defectClass, cause.key(), rate));
    }
  }
}
