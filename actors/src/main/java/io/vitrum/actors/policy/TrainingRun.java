package io.vitrum.actors.policy;

import io.vitrum.core.rl.TrainingProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A furnace's latest training run.
 *
 * @param status where it stands
 * @param iterations the iterations asked for, in all (a resumed run counts those done before)
 * @param requestedBy who asked
 * @param startedAt when it started
 * @param curve the progress after each iteration of this run
 * @param version the version it published, null unless finished
 * @param detail how it ended, in words; null while running
 * @param endedAt when it ended, null while running
 */
public record TrainingRun(
    Status status,
    int iterations,
    String requestedBy,
    Instant startedAt,
    List<TrainingProgress> curve,
    String version,
    String detail,
    Instant endedAt) {

  /** Where a run stands. */
  public enum Status {
    RUNNING,
    STOPPED,
    FINISHED,
    FAILED
  }

  public TrainingRun {
    curve = List.copyOf(curve);
  }

  static TrainingRun started(int iterations, String by, Instant at) {
    return new TrainingRun(Status.RUNNING, iterations, by, at, List.of(), null, null, null);
  }

  TrainingRun progressed(TrainingProgress p) {
    List<TrainingProgress> next = new ArrayList<>(curve);
    next.add(p);
    return new TrainingRun(status, iterations, requestedBy, startedAt, next, version, detail, null);
  }

  TrainingRun ended(Status how, String published, String why, Instant at) {
    return new TrainingRun(how, iterations, requestedBy, startedAt, curve, published, why, at);
  }
}
