package io.vitrum.core.plant;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The standard tag set of one furnace line (DOMAIN.md §2): melter, regenerators, combustion,
 * forehearth, lehr and the MIK-1 inspection counters. The simulator publishes exactly these tags,
 * the twin observes them and the engine configures a Sensor entity for each. Ranges are the
 * physical range of the instrument, wider than normal operation.
 */
public final class FurnaceTags {
  /** Crown thermocouples {@code <F>.crown.T1..T6}. */
  public static final int CROWN_THERMOCOUPLES = 6;

  /** Bottom thermocouples {@code <F>.bottom.T1..T8}. */
  public static final int BOTTOM_THERMOCOUPLES = 8;

  /** Forehearth zones {@code <F>.fh.Z1..Z3}. */
  public static final int FOREHEARTH_ZONES = 3;

  /** Lehr zones {@code <F>.lehr.Z1..Z6}, hot end first. */
  public static final int LEHR_ZONES = 6;

  /** Defect classes counted by the inspection machine, {@code <F>.insp.reject.<class>}. */
  public static final List<String> REJECT_CLASSES = List.of("crack", "bubble", "stone", "chip");

  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private FurnaceTags() {}

  public static String crown(String furnace, int i) {
    return TagId.of(furnace, "crown", "T" + i);
  }

  public static String bottom(String furnace, int i) {
    return TagId.of(furnace, "bottom", "T" + i);
  }

  public static String forehearth(String furnace, int zone) {
    return TagId.of(furnace, "fh", "Z" + zone);
  }

  public static String lehr(String furnace, int zone) {
    return TagId.of(furnace, "lehr", "Z" + zone);
  }

  public static String regeneratorTop(String furnace, char side) {
    return TagId.of(furnace, "regen", String.valueOf(side), "top");
  }

  public static String throat(String furnace) {
    return TagId.of(furnace, "throat", "T");
  }

  public static String gob(String furnace) {
    return TagId.of(furnace, "gob", "T");
  }

  public static String gasFlow(String furnace) {
    return TagId.of(furnace, "gas", "flow");
  }

  public static String airFlow(String furnace) {
    return TagId.of(furnace, "air", "flow");
  }

  public static String flueTemperature(String furnace) {
    return TagId.of(furnace, "flue", "T");
  }

  public static String flueO2(String furnace) {
    return TagId.of(furnace, "flue", "O2");
  }

  public static String flueCo(String furnace) {
    return TagId.of(furnace, "flue", "CO");
  }

  public static String crownPressure(String furnace) {
    return TagId.of(furnace, "crown", "P");
  }

  public static String glassLevel(String furnace) {
    return TagId.of(furnace, "glass", "level");
  }

  public static String boost(String furnace) {
    return TagId.of(furnace, "boost", "P");
  }

  public static String batchRate(String furnace) {
    return TagId.of(furnace, "batch", "rate");
  }

  public static String culletFraction(String furnace) {
    return TagId.of(furnace, "cullet", "fraction");
  }

  public static String pullRate(String furnace) {
    return TagId.of(furnace, "pull", "rate");
  }

  public static String inspected(String furnace) {
    return TagId.of(furnace, "insp", "inspected");
  }

  public static String rejects(String furnace, String defectClass) {
    return TagId.of(furnace, "insp", "reject", defectClass);
  }

  /** Every tag of furnace {@code furnace}, in a stable order. */
  public static List<TagSpec> of(String furnace) {
    List<TagSpec> tags = new ArrayList<>();
    for (int i = 1; i <= CROWN_THERMOCOUPLES; i++) {
      tags.add(spec(crown(furnace, i), "crown temperature", "degC", 0, 1800, SECOND));
    }
    for (int i = 1; i <= BOTTOM_THERMOCOUPLES; i++) {
      tags.add(spec(bottom(furnace, i), "bottom temperature", "degC", 0, 1700, SECOND));
    }
    tags.add(spec(throat(furnace), "throat temperature", "degC", 0, 1700, SECOND));
    tags.add(spec(regeneratorTop(furnace, 'L'), "regenerator top", "degC", 0, 1700, SECOND));
    tags.add(spec(regeneratorTop(furnace, 'R'), "regenerator top", "degC", 0, 1700, SECOND));
    tags.add(spec(flueTemperature(furnace), "flue temperature", "degC", 0, 1200, TEN_SECONDS));
    tags.add(spec(gasFlow(furnace), "natural gas flow", "Nm3/h", 0, 5000, SECOND));
    tags.add(spec(airFlow(furnace), "combustion air flow", "Nm3/h", 0, 60000, SECOND));
    tags.add(spec(flueO2(furnace), "flue O2", "%", 0, 21, SECOND));
    tags.add(spec(flueCo(furnace), "flue CO", "ppm", 0, 5000, SECOND));
    tags.add(spec(crownPressure(furnace), "crown pressure", "Pa", -50, 50, SECOND));
    tags.add(spec(glassLevel(furnace), "glass level deviation", "mm", -10, 10, SECOND));
    tags.add(spec(boost(furnace), "electric boost", "MW", 0, 5, SECOND));
    tags.add(spec(batchRate(furnace), "batch charge", "t/h", 0, 30, MINUTE));
    tags.add(spec(culletFraction(furnace), "cullet fraction", "%", 0, 100, MINUTE));
    tags.add(spec(pullRate(furnace), "pull", "t/day", 0, 800, MINUTE));
    for (int z = 1; z <= FOREHEARTH_ZONES; z++) {
      tags.add(spec(forehearth(furnace, z), "forehearth temperature", "degC", 0, 1600, SECOND));
    }
    tags.add(spec(gob(furnace), "gob temperature", "degC", 0, 1500, SECOND));
    for (int z = 1; z <= LEHR_ZONES; z++) {
      tags.add(spec(lehr(furnace, z), "lehr temperature", "degC", 0, 800, TEN_SECONDS));
    }
    tags.add(spec(inspected(furnace), "items inspected", "1/min", 0, 1000, MINUTE));
    for (String defect : REJECT_CLASSES) {
      tags.add(spec(rejects(furnace, defect), defect + " rejects", "1/min", 0, 1000, MINUTE));
    }
    return List.copyOf(tags);
  }

  private static TagSpec spec(
      String tag, String quantity, String unit, double min, double max, Duration sampling) {
    return new TagSpec(tag, quantity, unit, min, max, sampling);
  }
}
