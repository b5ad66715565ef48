package io.vitrum.streams.ingest.modbus;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.IngestSource;
import io.vitrum.streams.ingest.SourceHandle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readings of the tag map's Modbus rows, polled over one Modbus TCP connection every {@code
 * poll-interval}. The rows are grouped into as few read requests as possible ({@link PollPlan});
 * each response is decoded with the row's {@link io.vitrum.core.ingest.ModbusAddress} and becomes
 * one {@link Inbound} whose readings carry the poll's start time (quality good, no unit).
 *
 * <p>Pacing: a poll starts only after the previous one completed and was taken downstream; ticks
 * that fall into a running poll are skipped, so the source never polls faster than the server
 * answers or the pipeline consumes. Requests use the library's timeout ({@code request-timeout}).
 *
 * <p>Failures: an exception response or a timeout of one block is reported (malformed Inbound, the
 * handle's last error) and polling goes on; a refused connect or a lost connection fails the
 * connection, which is opened again after the restart backoff.
 *
 * <p>{@link #updateTags} swaps the rows; the next poll reads the new plan (no reconnect).
 */
public final class ModbusSource implements IngestSource<NotUsed> {
  /** The source name in Inbounds, metrics and quarantine records. */
  public static final String SOURCE = "modbus";

  private static final Logger log = LoggerFactory.getLogger(ModbusSource.class);

  private final ModbusSettings settings;
  private final SourceHandle handle;
  private final Clock clock;
  private final AtomicReference<PollPlan> plan;
  private final AtomicLong polls = new AtomicLong();

  /**
   * @param settings {@code vitrum.modbus}
   * @param rows the tag map's rows; only Modbus sensor rows are polled
   * @param handle where the source reports its state
   */
  public ModbusSource(ModbusSettings settings, List<TagMapRow> rows, SourceHandle handle) {
    this(settings, rows, handle, Clock.systemUTC());
  }

  /** As above, with the clock that stamps the polls. */
  public ModbusSource(
      ModbusSettings settings, List<TagMapRow> rows, SourceHandle handle, Clock clock) {
    if (!settings.isConfigured()) {
      throw new IllegalArgumentException("vitrum.modbus.host is not set");
    }
    this.settings = settings;
    this.handle = handle;
    this.clock = clock;
    this.plan = new AtomicReference<>(plan(rows));
  }

  @Override
  public String name() {
    return SOURCE;
  }

  @Override
  public Source<Inbound<NotUsed>, NotUsed> inbound() {
    return RestartSource.withBackoff(settings.restart(), this::connection)
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

  /** Polls {@code newRows} (Modbus sensor rows only) from the next poll on. */
  public void updateTags(List<TagMapRow> newRows) {
    plan.set(plan(newRows));
  }

  /** Read requests per poll under the current plan. */
  public int requestsPerPoll() {
    return plan.get().blocks().size();
  }

  /** Polls completed since start (all connections). */
  public long polls() {
    return polls.get();
  }

  private PollPlan plan(List<TagMapRow> rows) {
    return PollPlan.of(rows, settings.maxRegistersPerRequest(), settings.maxGap());
  }

  private Source<Inbound<NotUsed>, NotUsed> connection() {
    return Source.lazyCompletionStageSource(this::connect)
        .mapMaterializedValue(m -> NotUsed.getInstance());
  }

  private CompletionStage<Source<Inbound<NotUsed>, NotUsed>> connect() {
    handle.connecting(settings.endpoint());
    ModbusTcpClient client = ModbusClients.create(settings, false);
    CompletableFuture<Source<Inbound<NotUsed>, NotUsed>> ready = new CompletableFuture<>();
    client
        .connectAsync()
        .whenComplete(
            (v, error) -> {
              if (error != null) {
                String reason =
                    "connect to "
                        + settings.endpoint()
                        + " failed: "
                        + ModbusClients.describe(error);
                handle.failed(reason);
                log.warn("Modbus {}", reason);
                client.disconnectAsync();
                ready.completeExceptionally(ModbusClients.unwrap(error));
                return;
              }
              handle.connected(settings.endpoint());
              log.info(
                  "Modbus connected to {}: {} tags in {} requests per poll",
                  settings.endpoint(),
                  plan.get().tags(),
                  plan.get().blocks().size());
              ready.complete(polls(client));
            });
    return ready;
  }

  private Source<Inbound<NotUsed>, NotUsed> polls(ModbusTcpClient client) {
    ModbusPoller poller = new ModbusPoller(client, settings, handle);
    return Source.tick(Duration.ZERO, settings.pollInterval(), Boolean.TRUE)
        // one poll at a time; ticks during a poll are dropped by tick (no demand)
        .mapAsync(
            1,
            t -> {
              Instant at = clock.instant();
              return poller
                  .poll(plan.get(), at)
                  .whenComplete(
                      (r, e) -> {
                        if (e == null) {
                          polls.incrementAndGet();
                        }
                      });
            })
        .<Inbound<NotUsed>>mapConcat(list -> list)
        .watchTermination(
            (cancellable, done) -> {
              done.whenComplete(
                  (d, e) -> {
                    if (e != null) {
                      String reason = ModbusClients.describe(e);
                      handle.failed(reason);
                      log.warn("Modbus {}: {}", settings.endpoint(), reason);
                    }
                    client.disconnectAsync();
                  });
              return NotUsed.getInstance();
            });
  }
}
