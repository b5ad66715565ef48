package io.vitrum.streams.ingest.kafka;

import io.vitrum.actors.common.Confirmation;
import io.vitrum.actors.furnace.Furnace;
import io.vitrum.actors.twin.Twin;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the twins following the plant: every interval, each furnace with readings newer than its
 * last sync gets its latest delivered values and the setpoints its Furnace entity holds. A failed
 * sync is logged and tried again at the next interval.
 */
public final class TwinSync {
  private static final Logger log = LoggerFactory.getLogger(TwinSync.class);

  private TwinSync() {}

  /** Syncs every {@code interval} until the kill switch is pulled. */
  public static UniqueKillSwitch start(
      ActorSystem<?> system, LatestReadings latest, Duration interval, Duration askTimeout) {
    ClusterSharding sharding = ClusterSharding.get(system);
    Map<String, Instant> synced = new HashMap<>();
    return Source.tick(interval, interval, NotUsed.getInstance())
        .mapConcat(
            tick -> {
              Map<String, Map<String, Double>> snapshot = latest.snapshot();
              snapshot.keySet().removeIf(f -> latest.latest(f).equals(synced.get(f)));
              snapshot.keySet().forEach(f -> synced.put(f, latest.latest(f)));
              return snapshot.entrySet();
            })
        .mapAsync(
            4,
            e ->
                sync(sharding, e.getKey(), e.getValue(), latest.latest(e.getKey()), askTimeout)
                    .exceptionally(
                        failure -> {
                          log.warn("Twin sync of {} failed: {}", e.getKey(), failure.toString());
                          return Done.getInstance();
                        }))
        .viaMat(KillSwitches.single(), Keep.right())
        .toMat(Sink.ignore(), Keep.left())
        .run(system);
  }

  private static CompletionStage<Done> sync(
      ClusterSharding sharding,
      String furnace,
      Map<String, Double> readings,
      Instant at,
      Duration timeout) {
    return sharding
        .entityRefFor(Furnace.ENTITY_KEY, furnace)
        .<Furnace.FurnaceView>ask(Furnace.GetState::new, timeout)
        .thenCompose(
            view ->
                sharding
                    .entityRefFor(Twin.ENTITY_KEY, furnace)
                    .<Confirmation>ask(
                        replyTo -> new Twin.Sync(readings, view.setpoints(), at, replyTo), timeout))
        .thenApply(reply -> Done.getInstance());
  }
}
