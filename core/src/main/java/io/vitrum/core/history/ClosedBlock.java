package io.vitrum.core.history;

/**
 * A block that is due to be written: a tag's points of one window, in time order, one per
 * timestamp. It may be a part of its window (late readings, a size limit): the writer merges it
 * with what is stored for the same window.
 *
 * @param tag the tag
 * @param windowStart epoch milliseconds of the window's start (the block's key)
 * @param windowEnd epoch milliseconds of the window's end (exclusive)
 * @param points the points
 */
public record ClosedBlock(String tag, long windowStart, long windowEnd, Points points) {}
