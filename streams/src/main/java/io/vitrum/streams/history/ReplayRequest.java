package io.vitrum.streams.history;

import java.time.Instant;

/**
 * A replay of a furnace's history through the feature stage.
 *
 * @param furnace the furnace
 * @param from start of the range (inclusive)
 * @param to end of the range (exclusive)
 * @param speed history time per wall-clock time (60: an hour in a minute); 0 as fast as possible
 */
public record ReplayRequest(String furnace, Instant from, Instant to, double speed) {}
