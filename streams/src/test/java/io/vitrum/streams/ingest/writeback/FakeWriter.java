package io.vitrum.streams.ingest.writeback;

import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.SetpointWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.pekko.Done;

/**
 * A writer that answers each try as its script says (by the 1-based number of the try) and
 * remembers what it was asked to write.
 */
final class FakeWriter implements SetpointWriter {
  /** What one call asked for. */
  record Call(String tag, String address, double value) {}

  private final SourceKind protocol;
  private final IntFunction<CompletionStage<Done>> script;
  private final AtomicInteger tries = new AtomicInteger();
  private final List<Call> calls = new CopyOnWriteArrayList<>();

  FakeWriter(SourceKind protocol, IntFunction<CompletionStage<Done>> script) {
    this.protocol = protocol;
    this.script = script;
  }

  /** Acknowledges every write. */
  static FakeWriter succeeding(SourceKind protocol) {
    return new FakeWriter(protocol, n -> CompletableFuture.completedFuture(Done.getInstance()));
  }

  /** Fails the first {@code failures} tries with {@code error}, then acknowledges. */
  static FakeWriter failingFirst(SourceKind protocol, int failures, String error) {
    return new FakeWriter(
        protocol,
        n ->
            n <= failures
                ? CompletableFuture.failedFuture(new IllegalStateException(error))
                : CompletableFuture.completedFuture(Done.getInstance()));
  }

  @Override
  public SourceKind protocol() {
    return protocol;
  }

  @Override
  public CompletionStage<Done> write(TagMapRow target, double value) {
    calls.add(new Call(target.tag(), target.address(), value));
    return script.apply(tries.incrementAndGet());
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }
}
