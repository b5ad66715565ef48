package io.vitrum.streams.history;

import io.vitrum.core.features.FeatureVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.stream.UniqueKillSwitch;

/**
 * One replay and how far it has come. Updated by its stream, read by anyone: every method is
 * synchronized. It keeps the newest {@code keepVectors} vectors it computed.
 */
public final class ReplayRun {
  /** Where a run is. */
  public enum State {
    RUNNING,
    COMPLETED,
    FAILED,
    CANCELLED
  }

  /**
   * A run's progress as of one moment.
   *
   * @param id the run's id (the label of its vectors)
   * @param request what was asked
   * @param tags the tags replayed
   * @param state where it is
   * @param startedAt when it started
   * @param finishedAt when it ended, if it has
   * @param points points replayed so far
   * @param position the history time reached (the newest point's)
   * @param vectors feature vectors computed so far
   * @param latest the newest vector
   * @param error why it failed
   */
  public record Progress(
      String id,
      ReplayRequest request,
      List<String> tags,
      State state,
      Instant startedAt,
      Optional<Instant> finishedAt,
      long points,
      Optional<Instant> position,
      long vectors,
      Optional<FeatureVector> latest,
      Optional<String> error) {}

  private final String id;
  private final ReplayRequest request;
  private final List<String> tags;
  private final Instant startedAt;
  private final int keepVectors;
  private final List<FeatureVector> kept = new ArrayList<>();
  private State state = State.RUNNING;
  private Instant finishedAt;
  private long points;
  private long position = Long.MIN_VALUE;
  private long vectors;
  private String error;
  private UniqueKillSwitch killSwitch;

  ReplayRun(
      String id, ReplayRequest request, List<String> tags, Instant startedAt, int keepVectors) {
    this.id = id;
    this.request = request;
    this.tags = List.copyOf(tags);
    this.startedAt = startedAt;
    this.keepVectors = keepVectors;
  }

  public String id() {
    return id;
  }

  synchronized void point(long epochMillis) {
    points++;
    position = Math.max(position, epochMillis);
  }

  synchronized void vector(FeatureVector v) {
    vectors++;
    kept.add(v);
    if (kept.size() > keepVectors) {
      kept.remove(0);
    }
  }

  synchronized void started(UniqueKillSwitch killSwitch) {
    this.killSwitch = killSwitch;
  }

  synchronized void finished(State end, String error, Instant at) {
    if (state == State.RUNNING) {
      state = end;
      this.error = error;
      finishedAt = at;
    }
  }

  /** Stops a running replay; false when it had already ended. */
  public synchronized boolean cancel(Instant at) {
    if (state != State.RUNNING) {
      return false;
    }
    finished(State.CANCELLED, null, at);
    if (killSwitch != null) {
      killSwitch.shutdown();
    }
    return true;
  }

  /** Whether it is still running. */
  public synchronized boolean running() {
    return state == State.RUNNING;
  }

  /** The vectors kept, oldest first. */
  public synchronized List<FeatureVector> vectors() {
    return List.copyOf(kept);
  }

  /** Where it stands now. */
  public synchronized Progress progress() {
    return new Progress(
        id,
        request,
        tags,
        state,
        startedAt,
        Optional.ofNullable(finishedAt),
        points,
        position == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(position)),
        vectors,
        kept.isEmpty() ? Optional.empty() : Optional.of(kept.get(kept.size() - 1)),
        Optional.ofNullable(error));
  }
}
