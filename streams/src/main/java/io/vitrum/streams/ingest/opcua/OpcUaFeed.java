package io.vitrum.streams.ingest.opcua;

import static org.eclipse.milo.opcua.stack.core.types.builtin.unsigned.Unsigned.uint;

import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.SourceHandle;
import io.vitrum.streams.ingest.opcua.OpcUaReadings.Item;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.SessionActivityListener;
import org.eclipse.milo.opcua.sdk.client.UaSession;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemServiceOperationResult;
import org.eclipse.milo.opcua.sdk.client.subscriptions.MonitoredItemSynchronizationException;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.Stack;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DataChangeTrigger;
import org.eclipse.milo.opcua.stack.core.types.enumerated.DeadbandType;
import org.eclipse.milo.opcua.stack.core.types.structured.DataChangeFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's life: connect, create the subscription and one monitored item per row, and put
 * every publish response's changes into the stream's queue, until the session is lost, the
 * subscription dies or the stream ends. It never reconnects itself: it fails the queue, and the
 * source's restart-with-backoff starts a fresh feed (new client, new session, new subscription), so
 * a server restart is handled the same way as a first connect.
 *
 * <p>Backpressure: Milo delivers a publish response on a delivery thread and sends the next publish
 * request only after the delivery returned. The delivery here waits until the queue accepted the
 * Inbound, so when the stream is slow the client stops asking, the server keeps each variable's
 * latest {@code queue-size} samples (dropping the oldest, flagged as overflow) and nothing grows in
 * the engine. Nothing is dropped on the engine side.
 */
final class OpcUaFeed implements SessionActivityListener, OpcUaSubscription.SubscriptionListener {
  private static final Logger log = LoggerFactory.getLogger(OpcUaFeed.class);

  private final OpcUaSettings settings;
  private final List<TagMapRow> rows;
  private final SourceHandle handle;
  private final SourceQueueWithComplete<Inbound<NotUsed>> queue;
  private final Clock clock;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean failed = new AtomicBoolean();
  private final AtomicBoolean subscribed = new AtomicBoolean();
  private final AtomicLong dataLost;
  private volatile OpcUaClient client;

  OpcUaFeed(
      OpcUaSettings settings,
      List<TagMapRow> rows,
      SourceHandle handle,
      SourceQueueWithComplete<Inbound<NotUsed>> queue,
      Clock clock,
      AtomicLong dataLost) {
    this.settings = settings;
    this.rows = List.copyOf(rows);
    this.handle = handle;
    this.queue = queue;
    this.clock = clock;
    this.dataLost = dataLost;
  }

  /** Connects and subscribes in the background. */
  void start() {
    handle.connecting(settings.endpoint());
    // a connect or subscribe that hangs (server accepting but not answering) must not stall the
    // source forever: past this deadline the feed fails and is started again
    long deadline = settings.connectTimeout().toMillis() + 4 * settings.requestTimeout().toMillis();
    Stack.sharedScheduledExecutor()
        .schedule(
            () -> {
              if (!subscribed.get()) {
                fail(
                    "connect and subscribe at "
                        + settings.endpoint()
                        + " did not finish within "
                        + deadline
                        + " ms",
                    null);
              }
            },
            deadline,
            TimeUnit.MILLISECONDS);
    OpcUaClients.connect(settings)
        .whenCompleteAsync(
            (c, error) -> {
              if (error != null) {
                fail(
                    "connect to " + settings.endpoint() + " failed: " + OpcUaStatus.describe(error),
                    error);
                return;
              }
              client = c;
              if (closed.get()) {
                c.disconnectAsync();
                return;
              }
              try {
                subscribe(c);
              } catch (Exception e) {
                fail(
                    "subscribing at " + settings.endpoint() + " failed: " + OpcUaStatus.describe(e),
                    e);
              }
            },
            Stack.sharedExecutor());
  }

  /** Stops: disconnects (the session and its subscription go with it). Idempotent. */
  void close() {
    if (closed.compareAndSet(false, true)) {
      OpcUaClient c = client;
      if (c != null) {
        c.removeSessionActivityListener(this);
        c.disconnectAsync();
      }
    }
  }

  /** Ends this feed without a failure (the source restarts it, e.g. with a new tag map). */
  void restart() {
    if (!closed.get()) {
      queue.complete();
    }
  }

  private void subscribe(OpcUaClient c) throws Exception {
    c.addSessionActivityListener(this);
    OpcUaSubscription subscription =
        new OpcUaSubscription(c, (double) settings.publishingInterval().toMillis());
    subscription.setMaxNotificationsPerPublish(uint(settings.maxNotificationsPerPublish()));
    subscription.setSubscriptionListener(this);
    subscription.create();

    DataChangeFilter filter =
        settings.deadband() > 0
            ? new DataChangeFilter(
                DataChangeTrigger.StatusValue,
                uint(DeadbandType.Absolute.getValue()),
                settings.deadband())
            : null;
    List<OpcUaMonitoredItem> items = new ArrayList<>(rows.size());
    List<String> refused = new ArrayList<>();
    for (TagMapRow row : rows) {
      NodeId nodeId;
      try {
        nodeId = NodeId.parse(row.address());
      } catch (RuntimeException e) {
        refused.add(row.tag() + ": '" + row.address() + "' is not a node id");
        continue;
      }
      OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(nodeId);
      item.setSamplingInterval((double) settings.samplingInterval().toMillis());
      item.setQueueSize(uint(settings.queueSize()));
      item.setDiscardOldest(true);
      if (filter != null) {
        item.setFilter(filter);
      }
      item.setUserObject(new Item(row.tag(), row.address()));
      items.add(item);
    }
    subscription.addMonitoredItems(items);
    refused.addAll(synchronize(subscription));
    if (closed.get()) {
      return;
    }
    if (!refused.isEmpty()) {
      String reason =
          refused.size()
              + " of "
              + rows.size()
              + " OPC UA items refused, e.g. "
              + String.join("; ", refused.subList(0, Math.min(5, refused.size())));
      log.warn("{}: {}", settings.endpoint(), reason);
      handle.failed(reason);
    }
    subscribed.set(true);
    handle.connected(settings.endpoint());
    log.info(
        "OPC UA subscription {} at {}: {} items, publishing {} ms, sampling {} ms",
        subscription.getSubscriptionId().orElse(null),
        settings.endpoint(),
        subscription.getMonitoredItems().size(),
        subscription.getRevisedPublishingInterval().orElse(null),
        settings.samplingInterval().toMillis());
  }

  /** Creates the items; retries filter refusals without the filter. Returns what stays refused. */
  private static List<String> synchronize(OpcUaSubscription subscription) {
    List<String> refused = new ArrayList<>();
    try {
      subscription.synchronizeMonitoredItems();
      return refused;
    } catch (MonitoredItemSynchronizationException e) {
      boolean retry = false;
      for (MonitoredItemServiceOperationResult r : e.getCreateResults()) {
        StatusCode code = result(r);
        if (code.isGood()) {
          continue;
        }
        OpcUaMonitoredItem item = r.monitoredItem();
        if (item.getFilter() != null && filterRefused(code)) {
          item.setFilter(null);
          retry = true;
        } else {
          subscription.removeMonitoredItem(item);
          refused.add(describe(item, code));
        }
      }
      if (retry) {
        try {
          subscription.synchronizeMonitoredItems();
        } catch (MonitoredItemSynchronizationException again) {
          for (MonitoredItemServiceOperationResult r : again.getCreateResults()) {
            StatusCode code = result(r);
            if (!code.isGood()) {
              subscription.removeMonitoredItem(r.monitoredItem());
              refused.add(describe(r.monitoredItem(), code));
            }
          }
        }
      }
      return refused;
    }
  }

  private static StatusCode result(MonitoredItemServiceOperationResult r) {
    return r.serviceResult().isGood()
        ? r.operationResult().orElse(StatusCode.GOOD)
        : r.serviceResult();
  }

  private static boolean filterRefused(StatusCode code) {
    long v = code.value() & 0xFFFF0000L;
    return v == StatusCodes.Bad_FilterNotAllowed
        || v == StatusCodes.Bad_MonitoredItemFilterUnsupported
        || v == StatusCodes.Bad_MonitoredItemFilterInvalid
        || v == StatusCodes.Bad_DeadbandFilterInvalid;
  }

  private static String describe(OpcUaMonitoredItem item, StatusCode code) {
    Item it = (Item) item.getUserObject().orElseThrow();
    return it.tag() + " (" + it.nodeId() + ") " + OpcUaStatus.name(code);
  }

  @Override
  public void onDataReceived(
      OpcUaSubscription subscription, List<OpcUaMonitoredItem> items, List<DataValue> values) {
    if (closed.get()) {
      return;
    }
    List<Item> tags = new ArrayList<>(items.size());
    for (OpcUaMonitoredItem item : items) {
      tags.add((Item) item.getUserObject().orElseThrow());
    }
    for (Inbound<NotUsed> inbound : OpcUaReadings.inbounds(tags, values, clock.instant())) {
      if (!offer(inbound)) {
        return;
      }
      handle.received(inbound.readings().size());
    }
  }

  /** Waits until the queue takes {@code inbound}; false when the stream is gone. */
  private boolean offer(Inbound<NotUsed> inbound) {
    CompletableFuture<QueueOfferResult> offered;
    try {
      offered = queue.offer(inbound).toCompletableFuture();
    } catch (RuntimeException e) {
      return false;
    }
    while (true) {
      try {
        QueueOfferResult result = offered.get(1, TimeUnit.SECONDS);
        return result == QueueOfferResult.enqueued();
      } catch (TimeoutException e) {
        if (closed.get()) {
          return false;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (Exception e) {
        return false;
      }
    }
  }

  @Override
  public void onSessionInactive(UaSession session) {
    fail("OPC UA session to " + settings.endpoint() + " lost", null);
  }

  @Override
  public void onStatusChanged(OpcUaSubscription subscription, StatusCode status) {
    if (status.isBad()) {
      fail("OPC UA subscription at " + settings.endpoint() + ": " + OpcUaStatus.name(status), null);
    }
  }

  @Override
  public void onTransferFailed(OpcUaSubscription subscription, StatusCode status) {
    fail(
        "OPC UA subscription at "
            + settings.endpoint()
            + " not transferred: "
            + OpcUaStatus.name(status),
        null);
  }

  @Override
  public void onWatchdogTimerElapsed(OpcUaSubscription subscription) {
    fail(
        "OPC UA server at " + settings.endpoint() + " sent neither data nor keep-alive in time",
        null);
  }

  @Override
  public void onNotificationDataLost(OpcUaSubscription subscription) {
    long lost = dataLost.incrementAndGet();
    log.warn(
        "OPC UA subscription at {}: a notification could not be republished (lost, {} so far)",
        settings.endpoint(),
        lost);
  }

  private void fail(String reason, Throwable cause) {
    if (closed.get() || !failed.compareAndSet(false, true)) {
      return;
    }
    handle.failed(reason);
    log.warn("{}", reason);
    queue.fail(new OpcUaSourceException(reason, cause));
  }
}
