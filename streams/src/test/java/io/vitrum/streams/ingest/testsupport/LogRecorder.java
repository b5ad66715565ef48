package io.vitrum.streams.ingest.testsupport;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Records every log event (root at DEBUG while it runs) next to the root logger's own appenders
 * (the {@code CapturingAppender} stays), so that a test can assert what was and was not logged: the
 * message, its arguments and the whole cause chain of any exception. Closing detaches it and
 * restores the root level.
 */
public final class LogRecorder implements AutoCloseable {
  private final Logger root;
  private final Level previous;
  // Appended to from any thread (logback serialises appends per appender, not against readers).
  private final ConcurrentLinkedQueue<String> recorded = new ConcurrentLinkedQueue<>();
  private final AppenderBase<ILoggingEvent> appender =
      new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
          recorded.add(text(event));
        }
      };
  private final List<Logger> raised;
  private final List<Level> raisedFrom;

  private LogRecorder(String... alsoAtDebug) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    previous = root.getLevel();
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.DEBUG);
    raised = Stream.of(alsoAtDebug).map(context::getLogger).toList();
    raisedFrom = raised.stream().map(Logger::getLevel).toList();
    raised.forEach(l -> l.setLevel(Level.DEBUG));
  }

  /**
   * Starts recording; {@code alsoAtDebug} names loggers that logback-test.xml keeps at WARN (such
   * as {@code org.apache.kafka}) to record at DEBUG too while it runs.
   */
  public static LogRecorder start(String... alsoAtDebug) {
    return new LogRecorder(alsoAtDebug);
  }

  /** Everything recorded so far, one event per element, causes included. */
  public List<String> lines() {
    return List.copyOf(recorded);
  }

  /** Whether any recorded event mentions {@code text}. */
  public boolean mentions(String text) {
    return lines().stream().anyMatch(l -> l.contains(text));
  }

  private static String text(ILoggingEvent e) {
    StringBuilder b = new StringBuilder(e.getLoggerName()).append(": ");
    b.append(e.getFormattedMessage());
    if (e.getArgumentArray() != null) {
      for (Object a : e.getArgumentArray()) {
        b.append(" | ").append(a);
      }
    }
    for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
      b.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      for (StackTraceElementProxy s : t.getStackTraceElementProxyArray()) {
        b.append(' ').append(s.getSTEAsString());
      }
    }
    return b.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    root.setLevel(previous);
    for (int i = 0; i < raised.size(); i++) {
      raised.get(i).setLevel(raisedFrom.get(i));
    }
    appender.stop();
  }
}
