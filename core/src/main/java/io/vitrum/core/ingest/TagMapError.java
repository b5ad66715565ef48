package io.vitrum.core.ingest;

/**
 * A tag-map row that was refused.
 *
 * @param line the 1-based line number (the header is line 1)
 * @param tag the row's tag when it could be read, else empty
 * @param reason what is wrong
 */
public record TagMapError(int line, String tag, String reason) {}
