package io.vitrum.streams.ingest;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A source for tests: emits the given messages, then nothing (it never completes, as real sources
 * don't), and records the acknowledgement tokens it gets back.
 */
final class ListSource implements IngestSource<Integer> {
  private final String name;
  private final List<Inbound<Integer>> messages;
  final Queue<Integer> acknowledged = new ConcurrentLinkedQueue<>();

  ListSource(String name, List<Inbound<Integer>> messages) {
    this.name = name;
    this.messages = messages;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Source<Inbound<Integer>, NotUsed> inbound() {
    return Source.from(messages).concat(Source.never());
  }

  @Override
  public Sink<Integer, CompletionStage<Done>> acknowledgements() {
    return Sink.foreach(acknowledged::add);
  }
}
