package io.vitrum.streams.ingest.frames;

import java.time.Instant;

/**
 * What comes with a frame: the line (furnace) it was taken on, the item's sequence number, when,
 * and (simulated plants only) the item's true class.
 *
 * @param furnace the furnace id of the line
 * @param item the item's sequence number on the line, or -1 when unknown
 * @param ts when the frame was taken
 * @param label the true class, or {@code null} (real cameras do not know it)
 */
public record FrameMeta(String furnace, long item, Instant ts, String label) {}
