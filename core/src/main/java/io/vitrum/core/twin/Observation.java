package io.vitrum.core.twin;

import io.vitrum.core.plant.FurnaceTags;
import java.util.Map;

/**
 * What one batch of plant readings says about the furnace, reduced to the quantities the observer
 * corrects with. Thermocouple groups are averaged over the readings present; a quantity with no
 * finite reading is {@code NaN}.
 *
 * @param crownC mean of the crown thermocouples, °C
 * @param meltBottomC mean of the bottom thermocouples, °C
 * @param throatC throat temperature, °C
 * @param regeneratorLeftC left regenerator top, °C
 * @param regeneratorRightC right regenerator top, °C
 * @param gobC gob temperature, °C
 * @param gasFlowNm3h natural gas flow, Nm³/h
 * @param glassLevelMm glass level deviation, mm
 * @param culletFractionPct measured cullet fraction, %
 * @param pullRateTpd measured pull, t/day
 * @param boostMw measured electric boost, MW
 */
public record Observation(
    double crownC,
    double meltBottomC,
    double throatC,
    double regeneratorLeftC,
    double regeneratorRightC,
    double gobC,
    double gasFlowNm3h,
    double glassLevelMm,
    double culletFractionPct,
    double pullRateTpd,
    double boostMw) {

  /**
   * Extracts the observation of furnace {@code furnaceId} from readings keyed by {@link
   * FurnaceTags} ids. Missing tags and non-finite values are ignored; other keys are ignored.
   */
  public static Observation from(String furnaceId, Map<String, Double> readings) {
    double crown = 0;
    int crowns = 0;
    for (int i = 1; i <= FurnaceTags.CROWN_THERMOCOUPLES; i++) {
      double v = value(readings, FurnaceTags.crown(furnaceId, i));
      if (Double.isFinite(v)) {
        crown += v;
        crowns++;
      }
    }
    double bottom = 0;
    int bottoms = 0;
    for (int i = 1; i <= FurnaceTags.BOTTOM_THERMOCOUPLES; i++) {
      double v = value(readings, FurnaceTags.bottom(furnaceId, i));
      if (Double.isFinite(v)) {
        bottom += v;
        bottoms++;
      }
    }
    return new Observation(
        crowns > 0 ? crown / crowns : Double.NaN,
        bottoms > 0 ? bottom / bottoms : Double.NaN,
        value(readings, FurnaceTags.throat(furnaceId)),
        value(readings, FurnaceTags.regeneratorTop(furnaceId, 'L')),
        value(readings, FurnaceTags.regeneratorTop(furnaceId, 'R')),
        value(readings, FurnaceTags.gob(furnaceId)),
        value(readings, FurnaceTags.gasFlow(furnaceId)),
        value(readings, FurnaceTags.glassLevel(furnaceId)),
        value(readings, FurnaceTags.culletFraction(furnaceId)),
        value(readings, FurnaceTags.pullRate(furnaceId)),
        value(readings, FurnaceTags.boost(furnaceId)));
  }

  private static double value(Map<String, Double> readings, String tag) {
    Double v = readings.get(tag);
    return v != null && Double.isFinite(v) ? v : Double.NaN;
  }
}
