package io.vitrum.config.embedded;

import java.nio.file.Path;

/**
 * Where one embedded server keeps its files, all under one directory: {@code conf/} (its
 * configuration and the JVM argument file), {@code logs/} (its console output), {@code <name>.pid}
 * and {@code <name>.ports} (what a later launcher reads to reuse it), and the lock that keeps two
 * launchers from starting it twice.
 *
 * @param root the server's directory
 * @param name short name of the server ({@code cassandra}, {@code kafka}, ...), used in file names
 */
record ServerFiles(Path root, String name) {

  ServerFiles {
    root = root.toAbsolutePath().normalize();
  }

  Path conf() {
    return root.resolve("conf");
  }

  Path logs() {
    return root.resolve("logs");
  }

  /** The child's stdout and stderr. */
  Path stdoutLog() {
    return logs().resolve("stdout.log");
  }

  Path pidFile() {
    return root.resolve(name + ".pid");
  }

  Path portsFile() {
    return root.resolve(name + ".ports");
  }

  Path lockFile() {
    return root.resolve("launcher.lock");
  }

  Path argFile() {
    return conf().resolve("jvm.args");
  }
}
