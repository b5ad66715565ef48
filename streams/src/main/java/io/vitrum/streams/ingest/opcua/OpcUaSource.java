package io.vitrum.streams.ingest.opcua;

import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestSource;
import io.vitrum.streams.ingest.SourceHandle;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Readings of the tag map's OPC UA rows, through one Milo client session and one subscription
 * (publishing interval, sampling interval, absolute deadband and per-variable queue from {@link
 * OpcUaSettings}), one monitored item per row (node id = the row's address). Every publish response
 * becomes one {@link Inbound} with its decoded readings (and one malformed Inbound per change that
 * is not a number); see {@link OpcUaReadings} for the decoding.
 *
 * <p>Failures: a refused connect (server down, wrong password, untrusted certificate), a lost
 * session (server stopped or restarted, network), or a dead subscription fail the current feed; it
 * is reported on the {@link SourceHandle} and started again after the restart backoff, with a new
 * session and subscription. Items the server refuses (unknown node id) are logged and reported as
 * the handle's last error; the others run.
 *
 * <p>Backpressure reaches the server: see {@link OpcUaFeed}. Nothing needs acknowledging ({@link
 * NotUsed} tokens): OPC UA has no redelivery, what the engine did not take stays the server's
 * current value.
 *
 * <p>A new tag map reaches the source through {@link #updateTags}: the running feed ends and the
 * next one (after the minimum backoff) subscribes the new rows.
 */
public final class OpcUaSource implements IngestSource<NotUsed> {
  private final OpcUaSettings settings;
  private final SourceHandle handle;
  private final Clock clock;
  private final AtomicReference<List<TagMapRow>> rows;
  private final Set<OpcUaFeed> feeds = ConcurrentHashMap.newKeySet();
  private final AtomicLong dataLost = new AtomicLong();

  /**
   * @param settings {@code vitrum.opcua}
   * @param rows the tag map's rows; only OPC UA sensor rows are used
   * @param handle where the source reports its state
   */
  public OpcUaSource(OpcUaSettings settings, List<TagMapRow> rows, SourceHandle handle) {
    this(settings, rows, handle, Clock.systemUTC());
  }

  /** As above, with the clock that stamps changes that carry no timestamp. */
  public OpcUaSource(
      OpcUaSettings settings, List<TagMapRow> rows, SourceHandle handle, Clock clock) {
    if (!settings.isConfigured()) {
      throw new IllegalArgumentException("vitrum.opcua.endpoint is not set");
    }
    this.settings = settings;
    this.handle = handle;
    this.clock = clock;
    this.rows = new AtomicReference<>(opcUaRows(rows));
  }

  @Override
  public String name() {
    return OpcUaReadings.SOURCE;
  }

  @Override
  public Source<Inbound<NotUsed>, NotUsed> inbound() {
    return RestartSource.withBackoff(settings.restart(), this::feed)
        .watchTermination(
            (nu, done) -> {
              done.whenComplete((d, e) -> handle.stopped());
              return NotUsed.getInstance();
            });
  }

  @Override
  public Sink<NotUsed, CompletionStage<Done>> acknowledgements() {
    return Sink.ignore();
  }

  /**
   * Subscribes {@code newRows} (OPC UA sensor rows only) instead of the current ones: the running
   * feed ends and the next one subscribes the new rows after the minimum backoff.
   */
  public void updateTags(List<TagMapRow> newRows) {
    rows.set(opcUaRows(newRows));
    feeds.forEach(OpcUaFeed::restart);
  }

  /** The rows currently subscribed (or about to be). */
  public List<TagMapRow> tags() {
    return rows.get();
  }

  /**
   * Notifications the server could not republish after a gap in sequence numbers (lost); logged
   * each time.
   */
  public long notificationsLost() {
    return dataLost.get();
  }

  private Source<Inbound<NotUsed>, NotUsed> feed() {
    return Source.<Inbound<NotUsed>>queue(
            settings.bufferedMessages(), OverflowStrategy.backpressure(), 1)
        .watchTermination(
            (queue, done) -> {
              OpcUaFeed feed = new OpcUaFeed(settings, rows.get(), handle, queue, clock, dataLost);
              feeds.add(feed);
              done.whenComplete(
                  (d, e) -> {
                    feeds.remove(feed);
                    feed.close();
                  });
              feed.start();
              return NotUsed.getInstance();
            });
  }

  private static List<TagMapRow> opcUaRows(List<TagMapRow> rows) {
    return rows.stream().filter(r -> r.source() == SourceKind.OPCUA && !r.isWritten()).toList();
  }
}
