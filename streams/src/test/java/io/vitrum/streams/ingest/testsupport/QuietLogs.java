package io.vitrum.streams.ingest.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps the protocol libraries' DEBUG output (per-frame Netty, Milo and Modbus logs) out of test
 * runs, without a logback-test.xml shared with other test packages.
 */
public final class QuietLogs {
  private QuietLogs() {}

  /** Root at INFO, the client libraries at WARN. Idempotent. */
  public static void apply() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx) {
      ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
      for (String name :
          new String[] {"org.eclipse.milo", "com.digitalpetri", "io.netty", "org.apache.pekko"}) {
        ctx.getLogger(name).setLevel(Level.WARN);
      }
    }
  }
}
