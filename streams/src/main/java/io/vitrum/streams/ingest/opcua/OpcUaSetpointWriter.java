package io.vitrum.streams.ingest.opcua;

import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.SetpointWriter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes accepted setpoints as Double values to the node id of the setpoint row (OPC UA Write
 * service, value only). A status other than Good fails the attempt with an {@link
 * OpcUaWriteException} naming the status; a connection problem fails it with the cause.
 *
 * <p>The writer has its own client, connected on the first write and kept: Milo re-establishes its
 * session by itself after a server restart. It is not shared with {@link OpcUaSource}, whose client
 * lives and dies with each feed (a restart throws it away); setpoints are rare, and one extra
 * session costs the server little, while sharing would tie writes to the subscription's reconnect
 * cycle. A failed first connect is retried at the next write.
 */
public final class OpcUaSetpointWriter implements SetpointWriter, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(OpcUaSetpointWriter.class);

  private final OpcUaSettings settings;
  private CompletableFuture<OpcUaClient> client;
  private boolean closed;

  public OpcUaSetpointWriter(OpcUaSettings settings) {
    if (!settings.isConfigured()) {
      throw new IllegalArgumentException("vitrum.opcua.endpoint is not set");
    }
    this.settings = settings;
  }

  @Override
  public SourceKind protocol() {
    return SourceKind.OPCUA;
  }

  @Override
  public CompletionStage<Done> write(TagMapRow target, double value) {
    if (target.source() != SourceKind.OPCUA) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(target.tag() + " is not an opcua row"));
    }
    NodeId node;
    try {
      node = NodeId.parse(target.address());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              target.tag() + ": '" + target.address() + "' is not a node id"));
    }
    return client()
        .thenCompose(
            c ->
                c.writeValuesAsync(List.of(node), List.of(DataValue.valueOnly(new Variant(value))))
                    // bounds the wait for a session that is being re-established
                    .orTimeout(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS))
        .thenApply(
            codes -> {
              StatusCode code = codes.get(0);
              if (!code.isGood()) {
                throw new OpcUaWriteException(
                    OpcUaStatus.name(code),
                    "writing "
                        + value
                        + " to "
                        + target.address()
                        + " ("
                        + target.tag()
                        + ") refused: "
                        + OpcUaStatus.describe(code));
              }
              log.debug("Wrote {} to {} ({})", value, target.address(), target.tag());
              return Done.getInstance();
            });
  }

  /** Disconnects the client, if any. */
  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.thenAccept(OpcUaClient::disconnectAsync);
      client = null;
    }
  }

  private synchronized CompletableFuture<OpcUaClient> client() {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("writer closed"));
    }
    if (client == null || client.isCompletedExceptionally()) {
      client = OpcUaClients.connect(settings);
      client.whenComplete(
          (c, e) -> {
            if (e != null) {
              log.warn(
                  "OPC UA setpoint writer: connect to {} failed: {}",
                  settings.endpoint(),
                  OpcUaStatus.describe(e));
            }
          });
    }
    return client;
  }
}
