package io.vitrum.loadtests.sim;

import io.vitrum.core.sim.FaultSchedule;
import io.vitrum.core.sim.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Arguments of the dataset export, parsed from {@code --name value} pairs.
 *
 * @param furnaces number of furnaces, {@code F1..Fn}
 * @param hours simulated hours, may be fractional
 * @param seed master seed
 * @param out output directory, created when missing
 * @param frames inspection frames to render, balanced over the classes
 * @param itemsPerMinute inspection rate per line
 * @param randomFaults whether to inject a random {@link FaultSchedule}
 * @param featuresEvery time between the feature vectors written per furnace (zero: none)
 */
public record ExportOptions(
    int furnaces,
    double hours,
    long seed,
    Path out,
    int frames,
    double itemsPerMinute,
    boolean randomFaults,
    Duration featuresEvery) {

  /** What {@link #parse} accepts. */
  public static final String USAGE =
      "usage: DatasetExport --out DIR [--furnaces 1] [--hours 1] [--seed 1] [--frames 0]"
          + " [--items-per-minute 330] [--faults random|none] [--features-every-s 0]";

  private static final double MAX_HOURS = 24 * 365;

  public ExportOptions {
    Objects.requireNonNull(out, "out");
    if (furnaces < 1
        || !(hours > 0 && hours <= MAX_HOURS)
        || frames < 0
        || featuresEvery.isNegative()) {
      throw new IllegalArgumentException(
          "need furnaces >= 1, 0 < hours <= 8760, frames >= 0, features-every-s >= 0");
    }
  }

  /** The simulated span. */
  public Duration span() {
    return Duration.ofMillis(Math.round(hours * 3_600_000));
  }

  /**
   * Parses {@code args}; throws {@link IllegalArgumentException} naming the offending argument for
   * an unknown name, a missing value, a malformed number or a missing {@code --out}.
   */
  public static ExportOptions parse(String... args) {
    int furnaces = 1;
    double hours = 1;
    long seed = 1;
    Path out = null;
    int frames = 0;
    double itemsPerMinute = SimulatorConfig.DEFAULT_ITEMS_PER_MINUTE;
    boolean randomFaults = true;
    Duration featuresEvery = Duration.ZERO;
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      try {
        switch (name) {
          case "--furnaces" -> furnaces = Integer.parseInt(value);
          case "--hours" -> hours = Double.parseDouble(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--out" -> out = Path.of(value);
          case "--frames" -> frames = Integer.parseInt(value);
          case "--items-per-minute" -> itemsPerMinute = Double.parseDouble(value);
          case "--faults" -> randomFaults = parseFaults(value);
          case "--features-every-s" -> featuresEvery = Duration.ofSeconds(Long.parseLong(value));
          default -> throw new IllegalArgumentException("unknown argument " + name);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": not a number: " + value, e);
      }
    }
    if (out == null) {
      throw new IllegalArgumentException("--out is required");
    }
    return new ExportOptions(
        furnaces, hours, seed, out, frames, itemsPerMinute, randomFaults, featuresEvery);
  }

  private static boolean parseFaults(String value) {
    return switch (value) {
      case "random" -> true;
      case "none" -> false;
      default -> throw new IllegalArgumentException("--faults must be random or none: " + value);
    };
  }
}
