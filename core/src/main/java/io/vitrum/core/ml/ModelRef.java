package io.vitrum.core.ml;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One immutable version of a model, written {@code <name>/<version>} (e.g. {@code vision/1}), as in
 * {@code models/index.json}.
 *
 * @param name the model's name, lower case
 * @param version its version, a positive number
 */
public record ModelRef(String name, String version) {
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,40}");
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

  public ModelRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("model name '" + name + "' is not [a-z][a-z0-9-]*");
    }
    if (!VERSION.matcher(version).matches()) {
      throw new IllegalArgumentException("model version '" + version + "' is not a number");
    }
  }

  /** Parses {@code <name>/<version>}. */
  public static ModelRef parse(String text) {
    int slash = text.indexOf('/');
    if (slash < 0) {
      throw new IllegalArgumentException("'" + text + "' is not <name>/<version>");
    }
    return new ModelRef(text.substring(0, slash), text.substring(slash + 1));
  }

  @Override
  public String toString() {
    return name + "/" + version;
  }
}
