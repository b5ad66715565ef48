package io.vitrum.loadtests.http;

import io.vitrum.loadtests.Loopback;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** What every HTTP load generator shares: loopback targets only, and nearest-rank percentiles. */
final class LoadTargets {
  private LoadTargets() {}

  /** Refuses any base URL that is not plain HTTP on a loopback address. */
  static void requireLoopback(URI base) {
    if (!"http".equals(base.getScheme()) || base.getHost() == null) {
      throw new IllegalArgumentException("base URL must be http://<loopback>:<port>, not " + base);
    }
    Loopback.require(base.getHost());
  }

  /** One command-line argument: an option and its value, or (name "") the base URL. */
  record Arg(String name, String value) {}

  /**
   * {@code args} as options ({@code --name value}) and base URLs (any other word, with a trailing
   * slash added); an option without its value is refused.
   */
  static List<Arg> arguments(String[] args) {
    List<Arg> out = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        out.add(new Arg("", arg.endsWith("/") ? arg : arg + "/"));
      } else if (i + 1 >= args.length) {
        throw new IllegalArgumentException(arg + " needs a value");
      } else {
        out.add(new Arg(arg, args[++i]));
      }
    }
    return out;
  }

  /** {@code value} of option {@code name} as a whole number in [{@code min}, {@code max}]. */
  static long bounded(String name, String value, long min, long max) {
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a number, not " + value);
    }
    if (n < min || n > max) {
      throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]");
    }
    return n;
  }

  /** The nearest-rank percentile of sorted nanosecond latencies, in milliseconds. */
  static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
