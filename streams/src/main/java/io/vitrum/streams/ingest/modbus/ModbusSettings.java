package io.vitrum.streams.ingest.modbus;

import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.stream.RestartSettings;

/**
 * The Modbus TCP source and setpoint writer, from {@code vitrum.modbus} (see {@code
 * vitrum-modbus.conf}).
 *
 * @param host the server's host; blank: not configured
 * @param port the server's port
 * @param pollInterval how often every row is read (a slower poll delays the next one)
 * @param maxRegistersPerRequest registers per read request, at most 125
 * @param maxGap unused registers read along to join two rows into one request
 * @param maxInFlight requests outstanding at once on the connection
 * @param requestTimeout a request without a response after this long fails
 * @param connectTimeout timeout of the TCP connect
 * @param restart backoff between reconnect attempts
 */
public record ModbusSettings(
    String host,
    int port,
    Duration pollInterval,
    int maxRegistersPerRequest,
    int maxGap,
    int maxInFlight,
    Duration requestTimeout,
    Duration connectTimeout,
    RestartSettings restart) {

  public ModbusSettings {
    if (maxRegistersPerRequest < 2 || maxRegistersPerRequest > 125) {
      throw new IllegalArgumentException("vitrum.modbus.max-registers-per-request must be 2-125");
    }
    if (maxGap < 0) {
      throw new IllegalArgumentException("vitrum.modbus.max-gap must be >= 0");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("vitrum.modbus.max-in-flight must be >= 1");
    }
    if (pollInterval.isZero() || pollInterval.isNegative()) {
      throw new IllegalArgumentException("vitrum.modbus.poll-interval must be > 0");
    }
  }

  /** Reads {@code vitrum.modbus}. */
  public static ModbusSettings create(Config config) {
    Config c = config.getConfig("vitrum.modbus");
    Config r = c.getConfig("restart");
    return new ModbusSettings(
        c.getString("host").trim(),
        c.getInt("port"),
        c.getDuration("poll-interval"),
        c.getInt("max-registers-per-request"),
        c.getInt("max-gap"),
        c.getInt("max-in-flight"),
        c.getDuration("request-timeout"),
        c.getDuration("connect-timeout"),
        RestartSettings.create(
            r.getDuration("min-backoff"),
            r.getDuration("max-backoff"),
            r.getDouble("random-factor")));
  }

  /** Whether a host is set (else no Modbus source runs). */
  public boolean isConfigured() {
    return !host.isBlank();
  }

  /** {@code host:port}. */
  public String endpoint() {
    return host + ":" + port;
  }

  /** The same settings for another server. */
  public ModbusSettings withServer(String otherHost, int otherPort) {
    return new ModbusSettings(
        otherHost,
        otherPort,
        pollInterval,
        maxRegistersPerRequest,
        maxGap,
        maxInFlight,
        requestTimeout,
        connectTimeout,
        restart);
  }
}
