package io.vitrum.loadtests.ingest;

/** Sends one JSON readings message over a protocol; blocks while the protocol pushes back. */
public interface LoadPublisher extends AutoCloseable {

  /** Publishes {@code json} (an array of readings) keyed by {@code key}. */
  void publish(String key, byte[] json) throws Exception;

  /** Waits until everything published is acknowledged by the broker. */
  void flush() throws Exception;

  @Override
  void close();
}
