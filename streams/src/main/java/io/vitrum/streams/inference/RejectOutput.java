package io.vitrum.streams.inference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMap;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.SetpointWriter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each reject decision to its line: where the tag map names a reject output for the item's
 * furnace and line ({@code <furnace>.reject.<line>}), the item's number is written there over the
 * row's protocol (an OPC UA write, a Modbus register write), one attempt within {@code timeout};
 * the decision on Kafka stays the record. Writes never hold up the decisions: at most {@code
 * max-in-flight} wait for their acknowledgement. Every outcome is counted in {@code
 * vitrum.inspection.reject.writes} by {@code outcome}: {@code written}, {@code failed}, {@code
 * busy} (too many in flight), {@code no-writer} (no writer for the row's protocol), {@code no-item}
 * (the frame carried no item number).
 */
public final class RejectOutput implements Consumer<InspectionDecision> {
  private static final Logger log = LoggerFactory.getLogger(RejectOutput.class);
  private static final int LOG_EVERY = 100;

  private final Supplier<TagMap> tagMap;
  private final Map<SourceKind, SetpointWriter> writers;
  private final RejectOutputSettings settings;
  private final MeterRegistry registry;
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();

  public RejectOutput(
      Supplier<TagMap> tagMap,
      Map<SourceKind, SetpointWriter> writers,
      RejectOutputSettings settings,
      MeterRegistry registry) {
    this.tagMap = tagMap;
    this.writers = Map.copyOf(writers);
    this.settings = settings;
    this.registry = registry;
  }

  /** Writes {@code d}'s item to its line's reject output, when {@code d} rejects and one exists. */
  @Override
  public void accept(InspectionDecision d) {
    if (!d.reject()) {
      return;
    }
    Optional<TagMapRow> row = tagMap.get().rejectOutput(d.furnace(), d.line());
    if (row.isEmpty()) {
      return;
    }
    if (d.item() < 0) {
      count("no-item", d, row.get(), null);
      return;
    }
    SetpointWriter writer = writers.get(row.get().source());
    if (writer == null) {
      count("no-writer", d, row.get(), null);
      return;
    }
    if (inFlight.incrementAndGet() > settings.maxInFlight()) {
      inFlight.decrementAndGet();
      count("busy", d, row.get(), null);
      return;
    }
    CompletableFuture<Done> written;
    try {
      written = writer.write(row.get(), d.item()).toCompletableFuture();
    } catch (RuntimeException e) {
      written = CompletableFuture.failedFuture(e);
    }
    written
        .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .whenComplete(
            (done, error) -> {
              inFlight.decrementAndGet();
              count(error == null ? "written" : "failed", d, row.get(), error);
            });
  }

  /** Writes sent and not yet acknowledged. */
  public int inFlight() {
    return inFlight.get();
  }

  private void count(String outcome, InspectionDecision d, TagMapRow row, Throwable error) {
    Counter counter =
        outcomes.computeIfAbsent(
            outcome,
            o ->
                Counter.builder("vitrum.inspection.reject.writes")
                    .description("Reject decisions written to the lines' reject outputs")
                    .tag("outcome", o)
                    .register(registry));
    counter.increment();
    if (!outcome.equals("written") && (long) counter.count() % LOG_EVERY == 1) {
      log.warn(
          "Item {} of line {} not kicked through {} ({}): {}{}",
          d.item(),
          d.line(),
          row.tag(),
          row.source().key(),
          outcome,
          error == null ? "" : " " + error);
    }
  }
}
