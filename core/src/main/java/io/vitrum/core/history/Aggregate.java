package io.vitrum.core.history;

import java.util.Optional;

/** Which aggregate of a rollup bucket stands for its value on a time axis. */
public enum Aggregate {
  MEAN("mean"),
  MIN("min"),
  MAX("max"),
  LAST("last");

  private final String wire;

  Aggregate(String wire) {
    this.wire = wire;
  }

  /** The name in the API. */
  public String wire() {
    return wire;
  }

  /** The bucket's value under this aggregate. */
  public double of(Rollup r) {
    return switch (this) {
      case MEAN -> r.mean();
      case MIN -> r.min();
      case MAX -> r.max();
      case LAST -> r.last();
    };
  }

  /** The aggregate named {@code text}, if any. */
  public static Optional<Aggregate> parse(String text) {
    for (Aggregate a : values()) {
      if (a.wire.equals(text)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
