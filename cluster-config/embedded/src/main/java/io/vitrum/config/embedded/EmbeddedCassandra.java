package io.vitrum.config.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Cassandra 5.0 in a child JVM on 127.0.0.1, started from the classpath that the
 * {@code vitrum-cassandra-server} module resolved at build time. Its data lives under one
 * directory; a Cassandra already running on that directory (pid and ports recorded there) is reused
 * instead of started twice, and is then left running by {@link #close()}.
 *
 * <p>The child runs in its own session behind a small shell guard that reads a pipe from this JVM:
 * when this JVM ends, however it ends, the pipe closes and the guard sends Cassandra SIGTERM, so no
 * orphaned Cassandra survives a {@code kill -9} of the engine. Ctrl-C in a terminal does not reach
 * the child directly: the engine stops first and then stops Cassandra.
 */
public final class EmbeddedCassandra implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedCassandra.class);
  private static final String CLASSPATH_RESOURCE = "vitrum/cassandra.classpath";
  private static final String STARTED = "Startup complete";
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(45);
  private static final String GUARD =
      String.join(
          "\n",
          "exec 3<&0",
          "\"$1\" @\"$2\" </dev/null &",
          "child=$!",
          "echo \"$child\" > \"$3\"",
          "( read -r _ <&3; kill -TERM \"$child\" 2>/dev/null ) &",
          "guard=$!",
          "wait \"$child\"; rc=$?",
          "kill \"$guard\" 2>/dev/null",
          "exit $rc");

  private final CassandraFiles files;
  private final int cqlPort;
  private final long cassandraPid;
  private final Process guard;
  private final Instant startedAt;
  private final Duration startupTime;
  private final AtomicBoolean closed = new AtomicBoolean();

  private EmbeddedCassandra(
      CassandraFiles files, int cqlPort, long cassandraPid, Process guard, Duration startupTime) {
    this.files = files;
    this.cqlPort = cqlPort;
    this.cassandraPid = cassandraPid;
    this.guard = guard;
    this.startedAt = Instant.now();
    this.startupTime = startupTime;
  }

  /**
   * Starts Cassandra (or attaches to the one already running on the same data directory) and
   * returns once CQL accepts connections.
   *
   * @throws IllegalStateException if it does not become ready within the start timeout or its
   *     process dies; the message carries the end of its log
   */
  public static EmbeddedCassandra start(EmbeddedCassandraSettings settings) {
    CassandraFiles files = new CassandraFiles(settings.dataDirectory());
    try {
      Files.createDirectories(files.root());
      try (FileChannel channel =
              FileChannel.open(
                  files.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        Optional<EmbeddedCassandra> running = attach(files, settings);
        return running.isPresent() ? running.get() : launch(files, settings);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + files.root(), e);
    }
  }

  /** The CQL port on 127.0.0.1. */
  public int cqlPort() {
    return cqlPort;
  }

  /** The contact point for the DataStax driver, {@code 127.0.0.1:<port>}. */
  public String contactPoint() {
    return "127.0.0.1:" + cqlPort;
  }

  /** Whether this launcher started the process (and so stops it on {@link #close()}). */
  public boolean owned() {
    return guard != null;
  }

  /** The operating-system pid of the Cassandra JVM. */
  public long pid() {
    return cassandraPid;
  }

  /** Time from launch (or attach) until CQL accepted connections. */
  public Duration startupTime() {
    return startupTime;
  }

  /** Where the server writes its log. */
  public Path systemLog() {
    return files.systemLog();
  }

  /** Stops a Cassandra this launcher started and waits for it to drain; no-op when attached. */
  @Override
  public void close() {
    if (guard == null || !closed.compareAndSet(false, true)) {
      return;
    }
    log.info("Stopping embedded Cassandra (pid {}) after {}", cassandraPid, uptime());
    try {
      guard.getOutputStream().close();
      if (!guard.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("Cassandra did not stop within {}; killing pid {}", STOP_TIMEOUT, cassandraPid);
        ProcessHandle.of(cassandraPid).ifPresent(ProcessHandle::destroyForcibly);
        guard.destroyForcibly();
      }
      Files.deleteIfExists(files.pidFile());
    } catch (IOException e) {
      log.warn("Could not stop Cassandra cleanly", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Duration uptime() {
    return Duration.between(startedAt, Instant.now()).withNanos(0);
  }

  private static Optional<EmbeddedCassandra> attach(
      CassandraFiles files, EmbeddedCassandraSettings settings) throws IOException {
    Optional<ProcessHandle> process = recordedProcess(files);
    if (process.isEmpty()) {
      return Optional.empty();
    }
    int port = Integer.parseInt(readPorts(files).getProperty("cql"));
    log.info("Reusing Cassandra pid {} already running on {}", process.get().pid(), files.root());
    Instant begin = Instant.now();
    awaitCql(files, port, process.get(), settings.startTimeout(), -1);
    return Optional.of(
        new EmbeddedCassandra(
            files, port, process.get().pid(), null, Duration.between(begin, Instant.now())));
  }

  private static Optional<ProcessHandle> recordedProcess(CassandraFiles files) throws IOException {
    if (!Files.exists(files.pidFile()) || !Files.exists(files.portsFile())) {
      return Optional.empty();
    }
    String text = Files.readString(files.pidFile()).trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(text))
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(List::of)
                    .map(a -> a.stream().anyMatch(s -> s.contains(files.argFile().toString())))
                    .orElse(false));
  }

  private static EmbeddedCassandra launch(CassandraFiles files, EmbeddedCassandraSettings settings)
      throws IOException {
    Properties ports = Files.exists(files.portsFile()) ? readPorts(files) : new Properties();
    int cql = choosePort(settings.cqlPort(), ports.getProperty("cql"));
    int storage = choosePort(0, ports.getProperty("storage"));
    ports.setProperty("cql", Integer.toString(cql));
    ports.setProperty("storage", Integer.toString(storage));
    try (OutputStream out = Files.newOutputStream(files.portsFile())) {
      ports.store(out, "ports of the embedded Cassandra on this data directory");
    }
    Path argFile = files.write(cql, storage, settings.heap(), classpath());
    Files.deleteIfExists(files.pidFile());
    long logOffset = Files.exists(files.systemLog()) ? Files.size(files.systemLog()) : 0;

    ProcessBuilder builder =
        new ProcessBuilder(
                guardCommand(
                    javaBinary(settings.javaHome()).toString(),
                    argFile.toString(),
                    files.pidFile().toString()))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(files.stdoutLog().toFile()));
    Instant begin = Instant.now();
    log.info("Starting embedded Cassandra on 127.0.0.1:{} with data in {}", cql, files.root());
    Process guard = builder.start();
    long pid = awaitPid(files, guard, settings.startTimeout());
    ProcessHandle cassandra = ProcessHandle.of(pid).orElseThrow();
    try {
      awaitCql(files, cql, cassandra, settings.startTimeout(), logOffset);
    } catch (RuntimeException e) {
      guard.getOutputStream().close();
      cassandra.destroyForcibly();
      throw e;
    }
    Duration took = Duration.between(begin, Instant.now());
    log.info("Embedded Cassandra ready on 127.0.0.1:{} in {} ms", cql, took.toMillis());
    return new EmbeddedCassandra(files, cql, pid, guard, took);
  }

  private static List<String> guardCommand(String java, String argFile, String pidFile) {
    boolean haveSetsid = Files.isExecutable(Path.of("/usr/bin/setsid"));
    return haveSetsid
        ? List.of(
            "/usr/bin/setsid", "bash", "-c", GUARD, "vitrum-cassandra", java, argFile, pidFile)
        : List.of("bash", "-c", GUARD, "vitrum-cassandra", java, argFile, pidFile);
  }

  private static int choosePort(int configured, String recorded) {
    if (configured > 0) {
      return configured;
    }
    if (recorded != null && !FreePort.accepting(Integer.parseInt(recorded))) {
      return Integer.parseInt(recorded);
    }
    return FreePort.pick();
  }

  private static Properties readPorts(CassandraFiles files) throws IOException {
    Properties ports = new Properties();
    try (InputStream in = Files.newInputStream(files.portsFile())) {
      ports.load(in);
    }
    return ports;
  }

  private static long awaitPid(CassandraFiles files, Process guard, Duration timeout)
      throws IOException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(files.pidFile())) {
        String text = Files.readString(files.pidFile()).trim();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      }
      if (!guard.isAlive()) {
        throw new IllegalStateException(
            "Cassandra launcher exited with " + guard.exitValue() + tail(files.stdoutLog()));
      }
      pause();
    }
    throw new IllegalStateException("Cassandra did not start within " + timeout);
  }

  /**
   * Waits until CQL accepts connections and, for a fresh launch ({@code logOffset >= 0}), the
   * system log written since {@code logOffset} says "Startup complete" (CQL binds a little before
   * the daemon has finished starting).
   */
  private static void awaitCql(
      CassandraFiles files, int port, ProcessHandle process, Duration timeout, long logOffset) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (FreePort.accepting(port)
          && (logOffset < 0 || logSince(files.systemLog(), logOffset).contains(STARTED))) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Cassandra exited before accepting CQL on port "
                + port
                + tail(files.systemLog())
                + tail(files.stdoutLog()));
      }
      pause();
    }
    throw new IllegalStateException(
        "Cassandra did not accept CQL on port "
            + port
            + " within "
            + timeout
            + tail(files.systemLog()));
  }

  private static String logSince(Path log, long offset) {
    try (FileChannel channel = FileChannel.open(log, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size <= offset) {
        return "";
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - offset, 16 << 20));
      channel.read(buffer, offset);
      return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Cassandra", e);
    }
  }

  private static String tail(Path log) {
    try {
      if (!Files.exists(log)) {
        return "";
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "\n--- last lines of "
          + log
          + " ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static String classpath() throws IOException {
    try (InputStream in =
        EmbeddedCassandra.class.getClassLoader().getResourceAsStream(CLASSPATH_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            CLASSPATH_RESOURCE + " is missing: build the vitrum-cassandra-server module first");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  /** Cassandra 5.0 runs on JDK 17 only: prefer the configured home, then ours if it is 17. */
  private static Path javaBinary(String configuredHome) {
    if (!configuredHome.isBlank()) {
      return Path.of(configuredHome, "bin", "java");
    }
    if (Runtime.version().feature() == 17) {
      return Path.of(System.getProperty("java.home"), "bin", "java");
    }
    Path debian = Path.of("/usr/lib/jvm/java-17-openjdk-amd64/bin/java");
    if (Files.isExecutable(debian)) {
      return debian;
    }
    throw new IllegalStateException(
        "Cassandra 5.0 needs JDK 17: set vitrum.embedded.cassandra.java-home (VITRUM_CASSANDRA_JAVA_HOME)");
  }
}
