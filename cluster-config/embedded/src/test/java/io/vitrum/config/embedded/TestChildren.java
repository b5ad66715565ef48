package io.vitrum.config.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Trivial children and fresh directories for the launcher's tests. */
final class TestChildren {
  static final String READY = "child ready";

  private TestChildren() {}

  /**
   * A shell that prints {@code before}, then the ready line, then waits; SIGTERM ends it. Its
   * arguments name {@code files.root()}, as {@link ChildProcess} requires of its children.
   */
  static ChildSpec shell(ServerFiles files, String before) {
    String script =
        "trap 'kill $! 2>/dev/null; exit 0' TERM; "
            + before
            + "; echo '"
            + READY
            + "'; sleep 600 & wait";
    return ChildSpec.of(
        "test child",
        files,
        ports -> List.of("bash", "-c", script, files.root().toString()),
        READY,
        Duration.ofSeconds(30),
        Duration.ofSeconds(10));
  }

  /** {@code target/<name>}, emptied. */
  static Path freshDirectory(String name) {
    Path dir = Path.of("target", name).toAbsolutePath();
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          walk.sorted(Comparator.reverseOrder()).forEach(TestChildren::delete);
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code pid} ends within {@code timeout} (or already has). */
  static boolean exits(long pid, Duration timeout) {
    ProcessHandle process = ProcessHandle.of(pid).orElse(null);
    if (process == null) {
      return true;
    }
    try {
      process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void delete(Path path) {
    try {
      Files.delete(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
