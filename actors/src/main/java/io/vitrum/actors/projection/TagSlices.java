package io.vitrum.actors.projection;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A stream of tagged events split into {@code count} tags {@code <prefix>-0} to {@code
 * <prefix>-<count-1>}, so that as many projection instances share the work. An entity's events all
 * carry the same tag, chosen by a stable hash of its persistence id, so a projection sees each
 * entity's events in order.
 *
 * <p>The tags are written into the journal: never rename the prefix. Changing the count moves
 * entities to other tags for new events only; do it with every read side caught up.
 *
 * @param prefix the tags' common prefix, e.g. {@code sensor-anomaly}
 * @param count how many tags, at least 1
 */
public record TagSlices(String prefix, int count) {

  public TagSlices {
    if (prefix == null || prefix.isBlank()) {
      throw new IllegalArgumentException("a tag prefix is required");
    }
    if (count < 1) {
      throw new IllegalArgumentException("at least one tag slice is required, not " + count);
    }
  }

  /**
   * The tag of every event of {@code persistenceId}. {@link String#hashCode()} is specified by the
   * language, so the choice is the same on every node and JDK.
   */
  public String tagFor(String persistenceId) {
    return tag(Math.floorMod(persistenceId.hashCode(), count));
  }

  /** The tag of slice {@code slice}, {@code 0 <= slice < count}. */
  public String tag(int slice) {
    if (slice < 0 || slice >= count) {
      throw new IllegalArgumentException("slice " + slice + " is outside 0.." + (count - 1));
    }
    return prefix + "-" + slice;
  }

  /** Every tag, slice 0 first. */
  public List<String> tags() {
    return IntStream.range(0, count).mapToObj(this::tag).toList();
  }
}
