package io.vitrum.loadtests;

import java.util.function.Function;

/** How every command-line tool of this module starts: parse the arguments, or explain and exit. */
public final class Cli {
  private Cli() {}

  /**
   * The options {@code parse} makes of {@code args}; on an {@link IllegalArgumentException} prints
   * its message and {@code usage} to standard error and exits with status 2.
   */
  public static <O> O parseOrExit(String[] args, Function<String[], O> parse, String usage) {
    try {
      return parse.apply(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(usage);
      System.exit(2);
      throw e;
    }
  }
}
