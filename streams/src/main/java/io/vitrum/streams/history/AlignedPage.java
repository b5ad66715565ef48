package io.vitrum.streams.history;

import io.vitrum.core.history.Resolution;
import java.util.List;
import java.util.OptionalLong;

/**
 * Several tags' history on one time axis: a row per instant at which any of them has a point (or a
 * bucket), with each tag's value there or {@code NaN} where it has none.
 *
 * @param tags the tags, in column order
 * @param step the resolution
 * @param ts the row instants, epoch milliseconds, increasing
 * @param values {@code values[row][column]}
 * @param next where the next page starts when the range holds more
 */
public record AlignedPage(
    List<String> tags, Resolution step, long[] ts, double[][] values, OptionalLong next) {}
