package io.vitrum.loadtests.http;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a process has cost so far, read from {@code /proc} (Linux): its CPU time, and the voluntary
 * and involuntary context switches of all its live threads (the kernel counts them per thread;
 * those of threads that ended are lost, which undercounts a little).
 */
record ProcessCpu(long pid, long cpuNanos, long voluntary, long involuntary) {

  /** The figures of {@code pid} now, or empty when it is gone or unreadable. */
  static Optional<ProcessCpu> of(long pid) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return Optional.empty();
    }
    long cpu = handle.get().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    long voluntary = 0;
    long involuntary = 0;
    try (DirectoryStream<Path> tasks =
        Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        try {
          for (String line : Files.readAllLines(task.resolve("status"))) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
              voluntary += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            } else if (line.startsWith("nonvoluntary_ctxt_switches:")) {
              involuntary += Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
          }
        } catch (IOException | NumberFormatException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      voluntary = -1;
      involuntary = -1;
    }
    return Optional.of(new ProcessCpu(pid, cpu, voluntary, involuntary));
  }

  /** What was spent between {@code earlier} and this. */
  ProcessCpu since(ProcessCpu earlier) {
    return new ProcessCpu(
        pid,
        cpuNanos - earlier.cpuNanos,
        voluntary - earlier.voluntary,
        involuntary - earlier.involuntary);
  }

  /** Busy and total jiffies of the whole machine, from the first line of {@code /proc/stat}. */
  static long[] machineJiffies() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      long idle = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        long v = Long.parseLong(f[i]);
        total += v;
        if (i == 4 || i == 5) {
          idle += v; // idle, iowait
        }
      }
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }

  /**
   * The process whose command line contains {@code marker} and that listens on TCP {@code port}
   * (when several match), or the only one that matches.
   */
  static Optional<Long> find(String marker, int port) {
    List<Long> candidates = new ArrayList<>();
    ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
        .forEach(p -> candidates.add(p.pid()));
    if (candidates.size() <= 1) {
      return candidates.stream().findFirst();
    }
    Set<String> sockets = listeningSockets(port);
    for (long pid : candidates) {
      if (ownsAny(pid, sockets)) {
        return Optional.of(pid);
      }
    }
    return Optional.empty();
  }

  /** A JVM descending from {@code parent} whose command line contains {@code marker}. */
  static Optional<Long> descendant(long parent, String marker) {
    String lower = marker.toLowerCase(Locale.ROOT);
    return ProcessHandle.of(parent).stream()
        .flatMap(ProcessHandle::descendants)
        .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
        .filter(
            p ->
                p.info()
                    .commandLine()
                    .map(c -> c.toLowerCase(Locale.ROOT).contains(lower))
                    .orElse(false))
        .map(ProcessHandle::pid)
        .findFirst();
  }

  /** {@code socket:[inode]} of every TCP socket listening on {@code port}. */
  private static Set<String> listeningSockets(int port) {
    Set<String> inodes = new HashSet<>();
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        for (String line : Files.readAllLines(Path.of(table))) {
          String[] f = line.trim().split("\\s+");
          if (f.length > 9 && f[1].endsWith(hexPort) && "0A".equals(f[3])) {
            inodes.add("socket:[" + f[9] + "]");
          }
        }
      } catch (IOException e) {
        // no such table
      }
    }
    return inodes;
  }

  private static boolean ownsAny(long pid, Set<String> sockets) {
    if (sockets.isEmpty()) {
      return false;
    }
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/" + pid + "/fd"))) {
      for (Path fd : fds) {
        try {
          if (sockets.contains(Files.readSymbolicLink(fd).toString())) {
            return true;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
