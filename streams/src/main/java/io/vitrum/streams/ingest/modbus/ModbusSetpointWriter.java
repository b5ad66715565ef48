package io.vitrum.streams.ingest.modbus;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.streams.ingest.SetpointWriter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes accepted setpoints to the holding registers of the setpoint row, encoded as the row's type
 * says (float32 for the simulated plant), with one Write Multiple Registers request (function 16).
 * An exception response fails the attempt with a {@link ModbusWriteException} naming the exception;
 * a timeout or a connection problem fails it with the cause.
 *
 * <p>The writer has its own connection, opened at the first write and re-opened at the next write
 * after it was lost; it does not share the source's, which polls on its own schedule and is thrown
 * away at each reconnect. Setpoints are rare, one more connection is cheap for a Modbus server.
 */
public final class ModbusSetpointWriter implements SetpointWriter, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModbusSetpointWriter.class);

  private final ModbusSettings settings;
  private ModbusTcpClient client;
  private boolean closed;

  public ModbusSetpointWriter(ModbusSettings settings) {
    if (!settings.isConfigured()) {
      throw new IllegalArgumentException("vitrum.modbus.host is not set");
    }
    this.settings = settings;
  }

  @Override
  public SourceKind protocol() {
    return SourceKind.MODBUS;
  }

  @Override
  public CompletionStage<Done> write(TagMapRow target, double value) {
    ModbusAddress address;
    int[] words;
    try {
      address = target.modbus();
      if (address.table() != ModbusTable.HOLDING) {
        throw new IllegalArgumentException(
            target.tag() + ": a setpoint is written to a holding register, not " + address);
      }
      words = address.encode(value);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    byte[] bytes = new byte[2 * words.length];
    for (int i = 0; i < words.length; i++) {
      bytes[2 * i] = (byte) (words[i] >>> 8);
      bytes[2 * i + 1] = (byte) words[i];
    }
    WriteMultipleRegistersRequest request =
        new WriteMultipleRegistersRequest(address.register(), words.length, bytes);
    ModbusTcpClient c;
    try {
      c = client();
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(e);
    }
    return c.connectAsync()
        .thenCompose(v -> c.writeMultipleRegistersAsync(address.unit(), request))
        .handle(
            (response, error) -> {
              if (error == null) {
                log.debug("Wrote {} to {} ({})", value, address, target.tag());
                return Done.getInstance();
              }
              Throwable cause = ModbusClients.unwrap(error);
              if (cause instanceof ModbusResponseException r) {
                throw new ModbusWriteException(
                    ModbusClients.exceptionName(r),
                    "writing "
                        + value
                        + " to "
                        + address
                        + " ("
                        + target.tag()
                        + ") refused: "
                        + ModbusClients.exceptionName(r));
              }
              throw new CompletionException(
                  "writing "
                      + value
                      + " to "
                      + address
                      + " ("
                      + target.tag()
                      + ") failed: "
                      + ModbusClients.describe(cause),
                  cause);
            });
  }

  /** Closes the connection, if any. */
  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.disconnectAsync();
      client = null;
    }
  }

  private synchronized ModbusTcpClient client() {
    if (closed) {
      throw new IllegalStateException("writer closed");
    }
    if (client == null) {
      client = ModbusClients.create(settings, true);
    }
    return client;
  }
}
