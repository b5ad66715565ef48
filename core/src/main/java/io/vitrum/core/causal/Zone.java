package io.vitrum.core.causal;

import java.util.Objects;

/**
 * A zone of a furnace line, named after the area segment of its sensors' tag ids.
 *
 * @param area the tag's area segment, e.g. {@code lehr}
 * @param name English name
 * @param nameRu Russian name
 */
public record Zone(String area, String name, String nameRu) {

  public Zone {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(nameRu, "nameRu");
  }
}
