package io.vitrum.streams.ingest.testsupport;

import io.vitrum.core.ingest.SourceReading;
import io.vitrum.streams.ingest.Inbound;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.actor.ClassicActorSystemProvider;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/** Runs a source's inbound stream and keeps everything it emits, until {@link #close()}. */
public final class Collector<A> implements AutoCloseable {
  private final ConcurrentLinkedQueue<Inbound<A>> inbounds = new ConcurrentLinkedQueue<>();
  private final UniqueKillSwitch kill;

  private Collector(Source<Inbound<A>, ?> source, ClassicActorSystemProvider system) {
    kill =
        source
            .viaMat(KillSwitches.single(), Keep.right())
            .toMat(Sink.foreach(inbounds::add), Keep.left())
            .run(system);
  }

  /** Starts collecting {@code source}. */
  public static <A> Collector<A> run(Source<Inbound<A>, ?> source, ClassicActorSystemProvider sys) {
    return new Collector<>(source, sys);
  }

  /** Everything so far. */
  public List<Inbound<A>> inbounds() {
    return List.copyOf(inbounds);
  }

  /** The decoded readings so far, in arrival order. */
  public List<SourceReading> readings() {
    return inbounds.stream().flatMap(i -> i.readings().stream()).toList();
  }

  /** The readings of {@code tag} so far. */
  public List<SourceReading> readings(String tag) {
    return readings().stream().filter(r -> r.tag().equals(tag)).toList();
  }

  /** The malformed Inbounds so far. */
  public List<Inbound<A>> malformed() {
    return inbounds.stream().filter(i -> i.malformed() != null).toList();
  }

  /** An Inbound's payload as text. */
  public static String text(Inbound<?> inbound) {
    return new String(inbound.payload(), StandardCharsets.UTF_8);
  }

  /** Stops the stream (the source disconnects). */
  @Override
  public void close() {
    kill.shutdown();
  }
}
