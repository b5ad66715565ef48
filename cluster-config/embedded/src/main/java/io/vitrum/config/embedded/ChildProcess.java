package io.vitrum.config.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server in a child process on 127.0.0.1, the mechanics every embedded server shares: choose
 * its ports, reuse the one already running on the same directory, launch it behind a guard, wait
 * until it is ready, and stop it.
 *
 * <p><b>Reuse.</b> The launch records the child's pid ({@code <name>.pid}) and its ports and launch
 * signature ({@code <name>.ports}) in its directory, under a file lock (and a lock per directory
 * inside this JVM). A later start on the same directory whose recorded process is alive and names
 * that directory in its arguments attaches to it instead of starting a second one, and then leaves
 * it running on {@link #close()}. A recorded process launched with another {@link
 * ChildSpec#signature()} is stopped and replaced.
 *
 * <p><b>Guard.</b> The child runs in its own session (so Ctrl-C in a terminal reaches only this
 * JVM, which stops it in order) behind a small shell that holds a pipe from this JVM: when this JVM
 * ends, however it ends, the pipe closes and the shell sends the child SIGTERM, so no orphaned
 * server survives a {@code kill -9} of the node.
 *
 * <p><b>Ready</b> means: every probed port accepts TCP connections and, for a fresh launch, the
 * ready line has appeared in the ready log since the launch. When the child dies or the timeout
 * passes first, the error carries the end of its logs.
 */
final class ChildProcess implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
  private static final String SIGNATURE = "launch.signature";
  private static final long POLL_MILLIS = 100;
  private static final ConcurrentMap<Path, Object> DIRECTORIES = new ConcurrentHashMap<>();

  /**
   * {@code bash -c GUARD <label> <pid file> <command...>}. The pipe is read through a duplicated
   * descriptor: a background subshell of a non-interactive bash gets /dev/null as its stdin.
   */
  private static final String GUARD =
      String.join(
          "\n",
          "exec 3<&0",
          "pidfile=$1; shift",
          "\"$@\" </dev/null &",
          "child=$!",
          "echo \"$child\" > \"$pidfile\"",
          "( read -r _ <&3; kill -TERM \"$child\" 2>/dev/null ) &",
          "watcher=$!",
          "wait \"$child\"; rc=$?",
          "kill \"$watcher\" 2>/dev/null",
          "exit $rc");

  private final ChildSpec spec;
  private final Map<String, Integer> ports;
  private final long pid;
  private final Process guard;
  private final Duration startupTime;
  private final Instant readyAt = Instant.now();
  private final AtomicBoolean closed = new AtomicBoolean();

  private ChildProcess(
      ChildSpec spec, Map<String, Integer> ports, long pid, Process guard, Duration startupTime) {
    this.spec = spec;
    this.ports = Map.copyOf(ports);
    this.pid = pid;
    this.guard = guard;
    this.startupTime = startupTime;
  }

  /**
   * Attaches to the server already running on the spec's directory, or launches it, and returns
   * once it is ready.
   *
   * @throws IllegalStateException if it is not ready within the start timeout, dies first, or a
   *     fixed port is taken by another process; the message carries the end of its logs
   */
  static ChildProcess start(ChildSpec spec) {
    ServerFiles files = spec.files();
    synchronized (DIRECTORIES.computeIfAbsent(files.root(), root -> new Object())) {
      try {
        Files.createDirectories(files.logs());
        try (FileChannel channel =
                FileChannel.open(
                    files.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock ignored = channel.lock()) {
          Properties recorded = readRecord(files);
          Optional<ProcessHandle> running = recordedProcess(files);
          if (running.isPresent()) {
            if (reusable(spec, recorded)) {
              return attach(spec, running.get(), recorded);
            }
            log.info(
                "{} pid {} on {} was launched with other settings; replacing it",
                spec.name(),
                running.get().pid(),
                files.root());
            terminate(running.get(), spec.stopTimeout());
          }
          return launch(spec, recorded);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot run " + spec.name() + " in " + files.root(), e);
      }
    }
  }

  /** What the logs call it. */
  String name() {
    return spec.name();
  }

  /** The operating-system pid of the server process. */
  long pid() {
    return pid;
  }

  /** The port chosen for {@code name} (one of the spec's ports). */
  int port(String name) {
    Integer port = ports.get(name);
    if (port == null) {
      throw new IllegalArgumentException(spec.name() + " has no port " + name + ": " + ports);
    }
    return port;
  }

  /** Whether this launcher started the process (and so stops it on {@link #close()}). */
  boolean owned() {
    return guard != null;
  }

  /** Time from launch (or attach) until it was ready. */
  Duration startupTime() {
    return startupTime;
  }

  /** The log a reader should look at first. */
  Path log() {
    return spec.readyLog();
  }

  /** {@code embedded, started in 9.1 s} or {@code embedded, reused, 0.1 s}, for banners. */
  String howStarted(String kind) {
    String seconds = startupTime.toMillis() / 100 / 10.0 + " s";
    return owned() ? kind + ", started in " + seconds : kind + ", reused, " + seconds;
  }

  /** Stops a process this launcher started and waits for it to exit; no-op when attached. */
  @Override
  public void close() {
    if (guard == null || !closed.compareAndSet(false, true)) {
      return;
    }
    Instant begin = Instant.now();
    log.info(
        "Stopping embedded {} (pid {}) after {}",
        spec.name(),
        pid,
        Duration.between(readyAt, begin).withNanos(0));
    try {
      guard.getOutputStream().close();
      if (!guard.waitFor(spec.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("{} did not stop within {}; killing pid {}", spec.name(), spec.stopTimeout(), pid);
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        guard.destroyForcibly();
      }
      forgetPid();
      log.info(
          "Embedded {} stopped in {} ms",
          spec.name(),
          Duration.between(begin, Instant.now()).toMillis());
    } catch (IOException e) {
      log.warn("Could not stop {} cleanly", spec.name(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Deletes the pid file if it still names this process (a replacement may have rewritten it). */
  private void forgetPid() throws IOException {
    Path pidFile = spec.files().pidFile();
    if (Files.exists(pidFile) && Files.readString(pidFile).trim().equals(Long.toString(pid))) {
      Files.deleteIfExists(pidFile);
    }
  }

  private static boolean reusable(ChildSpec spec, Properties recorded) {
    return spec.signature().equals(recorded.getProperty(SIGNATURE, ""))
        && spec.ports().keySet().stream().allMatch(recorded::containsKey);
  }

  private static ChildProcess attach(ChildSpec spec, ProcessHandle process, Properties recorded) {
    Map<String, Integer> ports = new TreeMap<>();
    spec.ports().keySet().forEach(p -> ports.put(p, Integer.parseInt(recorded.getProperty(p))));
    log.info(
        "Reusing {} pid {} already running on {} {}",
        spec.name(),
        process.pid(),
        spec.files().root(),
        ports);
    Instant begin = Instant.now();
    awaitReady(spec, process, ports, null, begin);
    return new ChildProcess(
        spec, ports, process.pid(), null, Duration.between(begin, Instant.now()));
  }

  private static ChildProcess launch(ChildSpec spec, Properties recorded) throws IOException {
    ServerFiles files = spec.files();
    Instant begin = Instant.now();
    Map<String, Integer> ports = choosePorts(spec, recorded);
    log.info("Starting embedded {} {} in {}", spec.name(), ports, files.root());
    Properties record = new Properties();
    ports.forEach((name, port) -> record.setProperty(name, Integer.toString(port)));
    record.setProperty(SIGNATURE, spec.signature());
    try (OutputStream out = Files.newOutputStream(files.portsFile())) {
      record.store(out, "ports of the embedded " + spec.name() + " on this directory");
    }
    List<String> command = spec.command().prepare(ports);
    Files.deleteIfExists(files.pidFile());
    Files.writeString(
        files.stdoutLog(),
        "--- " + spec.name() + " launched " + Instant.now() + " ---\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    LogWatch ready = new LogWatch(spec.readyLog(), spec.readyLine());

    List<String> guarded = new ArrayList<>();
    if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
      guarded.add("/usr/bin/setsid");
    }
    guarded.addAll(
        List.of("bash", "-c", GUARD, "vitrum-" + files.name(), files.pidFile().toString()));
    guarded.addAll(command);
    ProcessBuilder builder =
        new ProcessBuilder(guarded)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(files.stdoutLog().toFile()));
    Process guard = builder.start();
    ProcessHandle child = null;
    try {
      long pid = awaitPid(spec, guard, begin);
      child =
          ProcessHandle.of(pid).orElseThrow(() -> failure(spec, spec.name() + " exited at once"));
      awaitReady(spec, child, ports, ready, begin);
      Duration took = Duration.between(begin, Instant.now());
      log.info("Embedded {} ready {} in {} ms", spec.name(), ports, took.toMillis());
      return new ChildProcess(spec, ports, pid, guard, took);
    } catch (RuntimeException e) {
      guard.getOutputStream().close();
      if (child != null) {
        child.destroyForcibly();
      }
      guard.destroyForcibly();
      throw e;
    }
  }

  private static Map<String, Integer> choosePorts(ChildSpec spec, Properties recorded) {
    Map<String, Integer> chosen = new TreeMap<>();
    Set<Integer> taken = new HashSet<>();
    new TreeMap<>(spec.ports())
        .forEach(
            (name, requested) -> {
              int port;
              if (requested > 0) {
                if (FreePort.accepting(requested)) {
                  throw new IllegalStateException(
                      spec.name()
                          + ": port 127.0.0.1:"
                          + requested
                          + " ("
                          + name
                          + ") is already in use by another process");
                }
                port = requested;
              } else {
                port = recordedIfFree(recorded.getProperty(name), taken);
              }
              while (port == 0 || taken.contains(port)) {
                port = FreePort.pick();
              }
              taken.add(port);
              chosen.put(name, port);
            });
    return chosen;
  }

  private static int recordedIfFree(String recorded, Set<Integer> taken) {
    if (recorded == null) {
      return 0;
    }
    int port = Integer.parseInt(recorded);
    return port > 0 && !taken.contains(port) && !FreePort.accepting(port) ? port : 0;
  }

  private static Properties readRecord(ServerFiles files) throws IOException {
    Properties recorded = new Properties();
    if (Files.exists(files.portsFile())) {
      try (InputStream in = Files.newInputStream(files.portsFile())) {
        recorded.load(in);
      }
    }
    return recorded;
  }

  /** The recorded process, if it is alive and one of its arguments names this directory. */
  private static Optional<ProcessHandle> recordedProcess(ServerFiles files) throws IOException {
    if (!Files.exists(files.pidFile()) || !Files.exists(files.portsFile())) {
      return Optional.empty();
    }
    String text = Files.readString(files.pidFile()).trim();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    String root = files.root().toString();
    return ProcessHandle.of(Long.parseLong(text))
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info()
                    .arguments()
                    .map(args -> List.of(args).stream().anyMatch(a -> a.contains(root)))
                    .orElse(false));
  }

  private static void terminate(ProcessHandle process, Duration timeout) {
    process.destroy();
    try {
      process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      process.destroyForcibly();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot wait for pid " + process.pid(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping pid " + process.pid(), e);
    }
  }

  private static long awaitPid(ChildSpec spec, Process guard, Instant begin) throws IOException {
    Path pidFile = spec.files().pidFile();
    Instant deadline = begin.plus(spec.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(pidFile)) {
        String text = Files.readString(pidFile).trim();
        if (!text.isEmpty()) {
          return Long.parseLong(text);
        }
      }
      if (!guard.isAlive()) {
        throw failure(spec, spec.name() + " launcher exited with " + guard.exitValue());
      }
      pause(spec);
    }
    throw failure(spec, spec.name() + " did not start within " + spec.startTimeout());
  }

  /** Waits for the probed ports and, when {@code ready} is given, its line in the ready log. */
  private static void awaitReady(
      ChildSpec spec,
      ProcessHandle process,
      Map<String, Integer> ports,
      LogWatch ready,
      Instant begin) {
    Instant deadline = begin.plus(spec.startTimeout());
    while (Instant.now().isBefore(deadline)) {
      if ((ready == null || ready.seen())
          && spec.probedPorts().stream().allMatch(p -> FreePort.accepting(ports.get(p)))) {
        return;
      }
      if (!process.isAlive()) {
        throw failure(
            spec, spec.name() + " (pid " + process.pid() + ") exited before it was ready");
      }
      pause(spec);
    }
    throw failure(
        spec,
        spec.name()
            + " was not ready within "
            + spec.startTimeout()
            + (ready == null || ready.seen() ? "" : " (no '" + spec.readyLine() + "' in its log)")
            + "; ports "
            + ports);
  }

  private static IllegalStateException failure(ChildSpec spec, String message) {
    StringBuilder b = new StringBuilder(message);
    Set<Path> logs = new LinkedHashSet<>(List.of(spec.readyLog(), spec.files().stdoutLog()));
    for (Path file : logs) {
      b.append(LogWatch.tail(file));
    }
    return new IllegalStateException(b.toString());
  }

  private static void pause(ChildSpec spec) {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + spec.name(), e);
    }
  }
}
