package io.vitrum.config.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files an embedded Neo4j runs from, under its directory: {@code data/} (its databases and
 * transaction logs, kept across restarts), {@code logs/} (its console output and Neo4j's {@code
 * debug.log}), {@code harness/} (the scratch directory of the harness it is built with), and the
 * JVM argument file; and the command line that runs {@code io.vitrum.config.neo4j.Neo4jServerMain}
 * on its own classpath.
 */
final class Neo4jFiles {
  static final String CLASSPATH_RESOURCE = "vitrum/neo4j.classpath";
  static final String MAIN_CLASS = "io.vitrum.config.neo4j.Neo4jServerMain";
  private static final String MODULE = "vitrum-neo4j-server";

  private final ServerFiles server;

  Neo4jFiles(Path root) {
    this.server = new ServerFiles(root, "neo4j");
  }

  ServerFiles server() {
    return server;
  }

  Path dataDirectory() {
    return server.root().resolve("data");
  }

  /**
   * The server's classpath: the contents of {@code classpathFile} when one is set (it then names
   * the module's own classes too); otherwise the libraries the {@code vitrum-neo4j-server} module
   * listed in its jar, behind that jar (or classes directory) itself, which holds the main class.
   */
  static String classpath(String classpathFile) {
    if (!classpathFile.isBlank()) {
      return JavaCommand.classpathFile(
          SettingsSupport.expandHome(classpathFile),
          "build the " + MODULE + " module, or clear vitrum.embedded.neo4j.classpath-file");
    }
    String libraries = JavaCommand.classpathResource(CLASSPATH_RESOURCE, MODULE);
    return moduleLocation() + File.pathSeparator + libraries;
  }

  /** The jar or classes directory on this classpath that holds {@link #CLASSPATH_RESOURCE}. */
  private static Path moduleLocation() {
    URL url = Neo4jFiles.class.getClassLoader().getResource(CLASSPATH_RESOURCE);
    if (url == null) {
      throw new IllegalStateException(
          CLASSPATH_RESOURCE + " is missing: build the " + MODULE + " module first");
    }
    try {
      if ("jar".equals(url.getProtocol())) {
        JarURLConnection jar = (JarURLConnection) url.openConnection();
        return Path.of(jar.getJarFileURL().toURI());
      }
      // A classes directory: the resource sits two levels below it (vitrum/neo4j.classpath).
      return Path.of(url.toURI()).getParent().getParent();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot locate " + CLASSPATH_RESOURCE, e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate " + CLASSPATH_RESOURCE + ": " + url, e);
    }
  }

  /** The JVM flags and the main class with its arguments (directory, Bolt port, page cache). */
  List<String> jvmArguments(EmbeddedNeo4jSettings settings, int port, String classpath) {
    List<String> arguments = new ArrayList<>();
    arguments.add("-Xmx" + settings.heap());
    arguments.addAll(settings.jvmOptions());
    arguments.addAll(
        List.of(
            "-XX:+UseG1GC",
            "-XX:+ExitOnOutOfMemoryError",
            // What Neo4j's own start script opens: the page cache's direct buffers, Netty's NIO.
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "-Djava.awt.headless=true",
            "-Dorg.slf4j.simpleLogger.showDateTime=true",
            "-Dorg.slf4j.simpleLogger.dateTimeFormat=HH:mm:ss.SSS",
            "-Dorg.slf4j.simpleLogger.logFile=System.out",
            "-cp",
            classpath,
            MAIN_CLASS,
            server.root().toString(),
            Integer.toString(port),
            settings.pageCache()));
    return arguments;
  }
}
