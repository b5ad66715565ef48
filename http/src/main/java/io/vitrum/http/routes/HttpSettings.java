package io.vitrum.http.routes;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The REST API's settings, from {@code vitrum.http}.
 *
 * @param iface interface to bind (127.0.0.1 locally)
 * @param port port to bind
 * @param askTimeout how long a route waits for an entity's reply before answering 503
 * @param whatIfTimeout how long a what-if may take, queueing and simulation included; shorter than
 *     the server's request timeout, so the API answers 503 {@code timeout} itself
 * @param maxBodyBytes largest request body accepted; larger ones get 413
 * @param maxReadingsPerRequest largest batch of readings in one request
 * @param bodyTimeout how long a route waits for the whole request body before answering 408
 */
public record HttpSettings(
    String iface,
    int port,
    Duration askTimeout,
    Duration whatIfTimeout,
    long maxBodyBytes,
    int maxReadingsPerRequest,
    Duration bodyTimeout) {

  public static HttpSettings create(Config config) {
    Config c = config.getConfig("vitrum.http");
    return new HttpSettings(
        c.getString("interface"),
        c.getInt("port"),
        c.getDuration("ask-timeout"),
        c.getDuration("what-if-timeout"),
        c.getBytes("max-body-size"),
        c.getInt("max-readings-per-request"),
        c.getDuration("body-timeout"));
  }
}
