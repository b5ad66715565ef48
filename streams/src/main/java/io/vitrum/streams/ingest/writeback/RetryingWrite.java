package io.vitrum.streams.ingest.writeback;

import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.SetpointWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.Scheduler;
import scala.concurrent.ExecutionContext;

/**
 * Writes one value with the retry policy of {@link WriteBackSettings}: up to {@code attempts}
 * tries, each bounded by {@code attempt-timeout}, with doubling backoff between them. Before each
 * retry it asks whether the change is still wanted, so that a change superseded meanwhile is not
 * written late (and a newer one is not kept waiting). Never blocks a thread.
 */
final class RetryingWrite {
  private final WriteBackSettings settings;
  private final Scheduler scheduler;
  private final ExecutionContext executor;

  RetryingWrite(WriteBackSettings settings, Scheduler scheduler, ExecutionContext executor) {
    this.settings = settings;
    this.scheduler = scheduler;
    this.executor = executor;
  }

  /**
   * Writes {@code value} to {@code target} with {@code writer}.
   *
   * @param stillWanted asked before each retry; false stops with a superseded outcome; a failure
   *     fails the result
   * @return the outcome; fails only when {@code stillWanted} fails
   */
  CompletionStage<WriteOutcome> write(
      SetpointWriter writer,
      TagMapRow target,
      double value,
      Supplier<CompletionStage<Boolean>> stillWanted) {
    return attempt(writer, target, value, stillWanted, 1);
  }

  private CompletionStage<WriteOutcome> attempt(
      SetpointWriter writer,
      TagMapRow target,
      double value,
      Supplier<CompletionStage<Boolean>> stillWanted,
      int attempt) {
    return once(writer, target, value)
        .handle(
            (done, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedStage(
                    WriteOutcome.written(
                        target.source().key(),
                        attempt,
                        "%s write to %s".formatted(target.source().key(), where(target))));
              }
              String error = WriteDetail.message(failure);
              if (attempt >= settings.attempts()) {
                return CompletableFuture.completedStage(
                    WriteOutcome.failed(
                        target.source().key(),
                        attempt,
                        "%s write to %s failed after %d attempt%s: %s"
                            .formatted(
                                target.source().key(),
                                where(target),
                                attempt,
                                attempt == 1 ? "" : "s",
                                error)));
              }
              return after(settings.backoffBefore(attempt + 1))
                  .thenCompose(ignored -> stillWanted.get())
                  .thenCompose(
                      wanted ->
                          wanted
                              ? attempt(writer, target, value, stillWanted, attempt + 1)
                              : CompletableFuture.completedStage(
                                  WriteOutcome.superseded(target.source().key(), attempt)));
            })
        .thenCompose(next -> next);
  }

  /** One try, failed when the writer throws, returns nothing or is not done in time. */
  private CompletionStage<Done> once(SetpointWriter writer, TagMapRow target, double value) {
    CompletableFuture<Done> result = new CompletableFuture<>();
    Duration timeout = settings.attemptTimeout();
    Cancellable timer =
        scheduler.scheduleOnce(
            timeout,
            () ->
                result.completeExceptionally(
                    new TimeoutException(
                        "no acknowledgement within " + timeout.toMillis() + " ms")),
            executor);
    CompletionStage<Done> write;
    try {
      write = writer.write(target, value);
      if (write == null) {
        write =
            CompletableFuture.failedStage(new IllegalStateException("the writer gave no result"));
      }
    } catch (RuntimeException e) {
      write = CompletableFuture.failedStage(e);
    }
    write.whenComplete(
        (done, failure) -> {
          timer.cancel();
          if (failure != null) {
            result.completeExceptionally(failure);
          } else {
            result.complete(Done.getInstance());
          }
        });
    return result;
  }

  private CompletionStage<Done> after(Duration delay) {
    CompletableFuture<Done> elapsed = new CompletableFuture<>();
    scheduler.scheduleOnce(delay, () -> elapsed.complete(Done.getInstance()), executor);
    return elapsed;
  }

  /** The address a row names, or its tag where the protocol needs none (MQTT). */
  static String where(TagMapRow target) {
    return target.address().isBlank() ? target.tag() : target.address();
  }
}
