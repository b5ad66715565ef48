package io.vitrum.config.embedded;

import java.time.Duration;

/**
 * A server the embedded launcher started or reused: a line for the banner, and a way to stop it.
 */
public interface EmbeddedServer extends AutoCloseable {

  /** One line for the node's start banner: name, address, how it started, its log. */
  String describe();

  /** Time from launch (or attach) until it was ready. */
  Duration startupTime();

  /** Whether this launcher started it (and so stops it on {@link #close()}). */
  boolean owned();

  /** Stops it if this launcher started it, and waits; idempotent; no-op when reused. */
  @Override
  void close();
}
