package io.vitrum.config.embedded;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link ChildProcess} runs: a command prepared for the ports it was given, where its files
 * live, and how to tell that it is ready.
 *
 * @param name what the logs and error messages call it ({@code Kafka})
 * @param files its directory; a process counts as this server's only if one of its arguments names
 *     this directory (the JVM argument file under {@code conf/} does)
 * @param ports requested ports by name; 0 picks a free one, or the one recorded by the previous
 *     launch on this directory if that is free again
 * @param probedPorts the ports that must accept TCP connections before it counts as ready
 * @param command writes the server's configuration for the chosen ports and returns the command
 *     line (see {@link JavaCommand})
 * @param readyLog the log in which {@code readyLine} appears (often {@link
 *     ServerFiles#stdoutLog()})
 * @param readyLine a line fragment a fresh launch writes once it serves; empty: ports only
 * @param signature what a running process must have been launched with to be reused (recorded in
 *     the ports file); a process running on this directory with another signature is stopped and
 *     replaced. Empty for servers whose data matter more than their settings.
 * @param startTimeout how long to wait for readiness
 * @param stopTimeout how long to wait for it to exit after SIGTERM before killing it
 */
record ChildSpec(
    String name,
    ServerFiles files,
    Map<String, Integer> ports,
    List<String> probedPorts,
    Command command,
    Path readyLog,
    String readyLine,
    String signature,
    Duration startTimeout,
    Duration stopTimeout) {

  /** Prepares and returns the command line once the ports are known. */
  @FunctionalInterface
  interface Command {
    List<String> prepare(Map<String, Integer> ports) throws IOException;
  }

  ChildSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(files, "files");
    ports = Map.copyOf(ports);
    probedPorts = List.copyOf(probedPorts);
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(readyLog, "readyLog");
    Objects.requireNonNull(readyLine, "readyLine");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    for (String probed : probedPorts) {
      if (!ports.containsKey(probed)) {
        throw new IllegalArgumentException("probed port " + probed + " is not one of " + ports);
      }
    }
    ports.forEach(
        (port, value) -> {
          if (value < 0 || value > 65535) {
            throw new IllegalArgumentException(port + " port out of range: " + value);
          }
        });
  }

  /** A child without ports that is ready once {@code readyLine} appears on its stdout. */
  static ChildSpec of(
      String name,
      ServerFiles files,
      Command command,
      String readyLine,
      Duration startTimeout,
      Duration stopTimeout) {
    return new ChildSpec(
        name,
        files,
        Map.of(),
        List.of(),
        command,
        files.stdoutLog(),
        readyLine,
        "",
        startTimeout,
        stopTimeout);
  }

  /** A copy with these ports, of which {@code probed} must accept connections to be ready. */
  ChildSpec withPorts(Map<String, Integer> requested, List<String> probed) {
    return new ChildSpec(
        name,
        files,
        requested,
        probed,
        command,
        readyLog,
        readyLine,
        signature,
        startTimeout,
        stopTimeout);
  }

  /** A copy that waits for {@code line} in {@code log} instead of stdout. */
  ChildSpec readyWhen(Path log, String line) {
    return new ChildSpec(
        name, files, ports, probedPorts, command, log, line, signature, startTimeout, stopTimeout);
  }

  /** A copy that reuses a running process only if it was launched with {@code launchSignature}. */
  ChildSpec withSignature(String launchSignature) {
    return new ChildSpec(
        name,
        files,
        ports,
        probedPorts,
        command,
        readyLog,
        readyLine,
        launchSignature,
        startTimeout,
        stopTimeout);
  }
}
