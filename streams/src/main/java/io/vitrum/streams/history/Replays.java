package io.vitrum.streams.history;

import io.vitrum.core.history.Resolution;
import io.vitrum.streams.features.FeatureInput;
import io.vitrum.streams.features.FeatureSettings;
import io.vitrum.streams.features.FeatureStage;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.pattern.Patterns;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Replays of history into the feature stage, each a run of its own labelled with its id: a
 * furnace's tags read page by page from history, merged into time order, paced at the requested
 * speed, and fed to a fresh feature stage whose vectors stay with the run. Nothing reaches the live
 * Sensor entities or the live feature run. The node keeps the newest runs for their progress.
 */
public final class Replays {
  private static final Comparator<FeatureInput.TagPoint> BY_TIME =
      Comparator.comparingLong(FeatureInput.TagPoint::epochMillis)
          .thenComparing(FeatureInput.TagPoint::tag);

  private final ActorSystem<?> system;
  private final HistoryQuery query;
  private final HistorySettings.Replay settings;
  private final FeatureSettings features;
  private final Clock clock;
  private final Map<String, ReplayRun> runs = new LinkedHashMap<>();

  /** Why a replay was not started. */
  public static final class RefusedException extends RuntimeException {
    private final boolean notFound;

    RefusedException(String reason, boolean notFound) {
      super(reason);
      this.notFound = notFound;
    }

    /** Whether it was refused because there is nothing to replay (rather than too many runs). */
    public boolean notFound() {
      return notFound;
    }
  }

  public Replays(
      ActorSystem<?> system,
      HistoryQuery query,
      HistorySettings.Replay settings,
      FeatureSettings features,
      Clock clock) {
    this.system = system;
    this.query = query;
    this.settings = settings;
    this.features = features;
    this.clock = clock;
  }

  /**
   * Starts a replay; fails with {@link RefusedException} when the furnace has no history or too
   * many replays are running.
   */
  public CompletionStage<ReplayRun> start(ReplayRequest request) {
    return query
        .tags(request.furnace())
        .thenApply(
            tags -> {
              if (tags.isEmpty()) {
                throw new RefusedException(
                    "furnace " + request.furnace() + " has no history", true);
              }
              ReplayRun run = register(request, tags);
              run.started(
                  points(tags, request, run)
                      .viaMat(KillSwitches.single(), Keep.right())
                      .via(
                          FeatureStage.flow(
                              run.id(), features.schema(), furnace -> tags, features.idle()))
                      .toMat(Sink.foreach(run::vector), Keep.both())
                      .mapMaterializedValue(
                          pair -> {
                            pair.second()
                                .whenComplete(
                                    (done, failure) ->
                                        run.finished(
                                            failure == null
                                                ? ReplayRun.State.COMPLETED
                                                : ReplayRun.State.FAILED,
                                            failure == null ? null : failure.getMessage(),
                                            clock.instant()));
                            return pair.first();
                          })
                      .run(system));
              return run;
            });
  }

  /** The run {@code id}, if this node still knows it. */
  public synchronized Optional<ReplayRun> run(String id) {
    return Optional.ofNullable(runs.get(id));
  }

  private synchronized ReplayRun register(ReplayRequest request, List<String> tags) {
    long running = runs.values().stream().filter(ReplayRun::running).count();
    if (running >= settings.maxRunning()) {
      throw new RefusedException(
          running + " replays are running on this node, the most it runs at once", false);
    }
    ReplayRun run =
        new ReplayRun(
            "replay-" + UUID.randomUUID(), request, tags, clock.instant(), settings.keepVectors());
    runs.put(run.id(), run);
    Iterator<ReplayRun> oldest = runs.values().iterator();
    while (runs.size() > settings.keepRuns() && oldest.hasNext()) {
      if (!oldest.next().running()) {
        oldest.remove();
      }
    }
    return run;
  }

  /** Every tag's points in time order, paced, then the end of the range. */
  private Source<FeatureInput, NotUsed> points(
      List<String> tags, ReplayRequest request, ReplayRun run) {
    long from = request.from().toEpochMilli();
    long to = request.to().toEpochMilli();
    Source<FeatureInput.TagPoint, NotUsed> merged = null;
    for (String tag : tags) {
      Source<FeatureInput.TagPoint, NotUsed> one = tagPoints(tag, from, to);
      merged = merged == null ? one : merged.mergeSorted(one, BY_TIME);
    }
    Source<FeatureInput.TagPoint, NotUsed> paced =
        request.speed() > 0 ? pace(merged, from, request.speed()) : merged;
    return paced
        .<FeatureInput>map(
            p -> {
              run.point(p.epochMillis());
              return p;
            })
        .concat(Source.single(new FeatureInput.AdvanceTo(to)));
  }

  private Source<FeatureInput.TagPoint, NotUsed> tagPoints(String tag, long from, long to) {
    int page = settings.pagePoints();
    return Source.<Optional<Long>, List<FeatureInput.TagPoint>>unfoldAsync(
            Optional.of(from),
            cursor -> {
              if (cursor.isEmpty()) {
                return CompletableFuture.completedFuture(Optional.empty());
              }
              return query
                  .series(tag, cursor.get(), to, Resolution.RAW, page)
                  .thenApply(
                      p -> {
                        List<FeatureInput.TagPoint> out = new ArrayList<>(p.points().size());
                        for (int i = 0; i < p.points().size(); i++) {
                          out.add(
                              new FeatureInput.TagPoint(
                                  tag, p.points().timestamps()[i], p.points().values()[i]));
                        }
                        Optional<Long> next =
                            p.next().isPresent()
                                ? Optional.of(p.next().getAsLong())
                                : Optional.empty();
                        return Optional.of(Pair.create(next, out));
                      });
            })
        .mapConcat(list -> list);
  }

  /** Holds each point back until its time, at {@code speed}, since the replay started. */
  private Source<FeatureInput.TagPoint, NotUsed> pace(
      Source<FeatureInput.TagPoint, NotUsed> points, long from, double speed) {
    long[] startedAt = {Long.MIN_VALUE};
    return points.mapAsync(
        1,
        p -> {
          long now = clock.millis();
          if (startedAt[0] == Long.MIN_VALUE) {
            startedAt[0] = now;
          }
          long due = startedAt[0] + (long) ((p.epochMillis() - from) / speed);
          if (due <= now) {
            return CompletableFuture.completedFuture(p);
          }
          return Patterns.after(
              Duration.ofMillis(due - now),
              system.classicSystem().scheduler(),
              system.executionContext(),
              () -> CompletableFuture.completedFuture(p));
        });
  }
}
