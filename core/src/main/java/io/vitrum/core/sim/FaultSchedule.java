package io.vitrum.core.sim;

import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.TagSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The faults injected into a simulation run, ordered by start time: the ground truth against which
 * root-cause analysis and anomaly models are scored.
 *
 * @param scenarios the faults, in start order
 */
public record FaultSchedule(List<FaultScenario> scenarios) {

  /** No faults: a healthy plant. */
  public static final FaultSchedule NONE = new FaultSchedule(List.of());

  private static final double HOURS_PER_FAULT = 3;
  private static final double SPIKE_SHARE_OF_SPAN = 0.3;

  public FaultSchedule {
    scenarios =
        Objects.requireNonNull(scenarios, "scenarios").stream()
            .sorted(Comparator.comparing(FaultScenario::start))
            .toList();
  }

  /** A schedule of exactly these faults. */
  public static FaultSchedule of(FaultScenario... scenarios) {
    return new FaultSchedule(List.of(scenarios));
  }

  /** The faults of {@code furnace}, in start order. */
  public List<FaultScenario> forFurnace(String furnace) {
    return scenarios.stream().filter(s -> s.furnace().equals(furnace)).toList();
  }

  /** The faults acting at {@code t}. */
  public List<FaultScenario> activeAt(Instant t) {
    return scenarios.stream().filter(s -> s.isActiveAt(t)).toList();
  }

  /** This schedule with one more fault. */
  public FaultSchedule with(FaultScenario scenario) {
    List<FaultScenario> all = new ArrayList<>(scenarios);
    all.add(scenario);
    return new FaultSchedule(all);
  }

  /**
   * This schedule with the first fault equal to {@code old} replaced by {@code replacement}.
   *
   * @throws IllegalArgumentException when the schedule holds no such fault
   */
  public FaultSchedule replacing(FaultScenario old, FaultScenario replacement) {
    Objects.requireNonNull(replacement, "replacement");
    List<FaultScenario> all = new ArrayList<>(scenarios);
    all.set(indexOf(old), replacement);
    return new FaultSchedule(all);
  }

  /**
   * This schedule without the first fault equal to {@code scenario}.
   *
   * @throws IllegalArgumentException when the schedule holds no such fault
   */
  public FaultSchedule without(FaultScenario scenario) {
    List<FaultScenario> all = new ArrayList<>(scenarios);
    all.remove(indexOf(scenario));
    return new FaultSchedule(all);
  }

  private int indexOf(FaultScenario scenario) {
    int index = scenarios.indexOf(Objects.requireNonNull(scenario, "scenario"));
    if (index < 0) {
      throw new IllegalArgumentException("not in the schedule: " + scenario);
    }
    return index;
  }

  /**
   * A reproducible random schedule: about one fault per three hours per furnace (at least one), of
   * every kind with equal chance, starting between 10 % and 70 % into the run, lasting 15–40 % of
   * it, with magnitudes in each kind's typical range. Same arguments, same schedule.
   */
  public static FaultSchedule random(
      List<String> furnaces, Instant start, Duration span, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<FaultScenario> all = new ArrayList<>();
    double spanSeconds = span.toSeconds();
    FaultKind[] kinds = FaultKind.values();
    for (String furnace : furnaces) {
      SplittableRandom local = random.split();
      long count = Math.max(1, Math.round(span.toMinutes() / 60.0 / HOURS_PER_FAULT));
      for (int i = 0; i < count; i++) {
        FaultKind kind = kinds[local.nextInt(kinds.length)];
        Instant begin = start.plusSeconds((long) (spanSeconds * local.nextDouble(0.1, 0.7)));
        Duration duration =
            Duration.ofSeconds(Math.max(1, (long) (spanSeconds * local.nextDouble(0.15, 0.4))));
        all.add(randomScenario(furnace, kind, begin, duration, local));
      }
    }
    return new FaultSchedule(all);
  }

  private static FaultScenario randomScenario(
      String furnace, FaultKind kind, Instant begin, Duration duration, SplittableRandom random) {
    double magnitude =
        kind.typicalHigh() > kind.typicalLow()
            ? random.nextDouble(kind.typicalLow(), kind.typicalHigh())
            : kind.typicalLow();
    boolean signed = kind == FaultKind.CULLET_SWING || kind == FaultKind.THERMOCOUPLE_DRIFT;
    if (signed && random.nextBoolean()) {
      magnitude = -magnitude;
    }
    if (!kind.isSensorFault()) {
      Duration ramp =
          Duration.ofSeconds((long) (duration.toSeconds() * random.nextDouble(0.1, 0.5)));
      return FaultScenario.process(furnace, kind, begin, ramp, duration, magnitude);
    }
    List<TagSpec> candidates =
        FurnaceTags.of(furnace).stream()
            .filter(t -> !t.unit().equals("1/min"))
            .filter(t -> kind != FaultKind.THERMOCOUPLE_DRIFT || t.unit().equals("degC"))
            .toList();
    TagSpec tag = candidates.get(random.nextInt(candidates.size()));
    if (kind == FaultKind.SENSOR_SPIKES) {
      magnitude = SPIKE_SHARE_OF_SPAN * (tag.max() - tag.min());
    }
    return FaultScenario.sensor(tag.tag(), kind, begin, duration, magnitude);
  }
}
