package io.vitrum.streams.ingest.modbus;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/** Builds digitalpetri Modbus TCP clients as the settings say, and names their failures. */
final class ModbusClients {
  private ModbusClients() {}

  /**
   * A client, not connected yet.
   *
   * @param persistent whether the transport reconnects by itself (lazily, at the next request)
   *     after losing the connection; the source uses {@code false} and reconnects through its
   *     restart backoff instead
   */
  static ModbusTcpClient create(ModbusSettings settings, boolean persistent) {
    NettyTcpClientTransport transport =
        NettyTcpClientTransport.create(
            cfg -> {
              cfg.setHostname(settings.host());
              cfg.setPort(settings.port());
              cfg.setConnectTimeout(settings.connectTimeout());
              cfg.setConnectPersistent(persistent);
              cfg.setReconnectLazy(true);
            });
    return ModbusTcpClient.create(
        transport, cfg -> cfg.setRequestTimeout(settings.requestTimeout()));
  }

  /** {@code error} without its CompletionException/ExecutionException wrappers. */
  static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while ((e instanceof CompletionException || e instanceof ExecutionException)
        && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }

  /** Whether {@code error} is the server's exception response. */
  static boolean isExceptionResponse(Throwable error) {
    return unwrap(error) instanceof ModbusResponseException;
  }

  /** Whether {@code error} is a request that got no response in time. */
  static boolean isTimeout(Throwable error) {
    Throwable e = unwrap(error);
    return e instanceof TimeoutException
        || e instanceof com.digitalpetri.modbus.exceptions.ModbusTimeoutException;
  }

  /** The exception code's name of an exception response, e.g. {@code ILLEGAL_DATA_ADDRESS}. */
  static String exceptionName(ModbusResponseException e) {
    return com.digitalpetri.modbus.ExceptionCode.from(e.getExceptionCode())
        .map(Enum::name)
        .orElse(String.format("0x%02X", e.getExceptionCode()));
  }

  /** {@code error} in one line. */
  static String describe(Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof ModbusResponseException r) {
      return "exception response " + exceptionName(r);
    }
    if (isTimeout(e)) {
      return "no response: " + e.getMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
