package io.vitrum.config.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Java child processes: the command line {@code java @<argument file>} (the file keeps long
 * classpaths off the command line and names the server's directory, by which {@link ChildProcess}
 * recognises its process), and the classpaths they run with.
 */
final class JavaCommand {
  private JavaCommand() {}

  /** Writes {@code arguments} to {@code argFile}, each quoted, and returns the command line. */
  static List<String> write(Path java, Path argFile, List<String> arguments) throws IOException {
    Files.createDirectories(argFile.getParent());
    Files.write(argFile, arguments.stream().map(JavaCommand::quote).toList());
    return List.of(java.toString(), "@" + argFile);
  }

  /** The {@code java} of the JVM this runs in. */
  static Path currentJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The classpath a build-only module wrote into its jar as {@code resource}.
   *
   * @throws IllegalStateException naming {@code module} when it is not on this classpath
   */
  static String classpathResource(String resource, String module) {
    try (InputStream in = JavaCommand.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            resource + " is missing: build the " + module + " module first");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /**
   * The classpath in {@code file}, as a build wrote it.
   *
   * @throws IllegalStateException when the file is missing or empty; the message says {@code
   *     howToBuild}
   */
  static String classpathFile(Path file, String howToBuild) {
    Path absolute = file.toAbsolutePath();
    try {
      String classpath = Files.exists(absolute) ? Files.readString(absolute).trim() : "";
      if (classpath.isEmpty()) {
        throw new IllegalStateException(
            "the classpath file " + absolute + " is missing or empty: " + howToBuild);
      }
      return classpath;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + absolute, e);
    }
  }

  /** One argument-file token: double-quoted, backslashes and quotes escaped. */
  static String quote(String argument) {
    return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
