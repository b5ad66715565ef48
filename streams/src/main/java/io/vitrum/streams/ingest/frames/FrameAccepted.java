package io.vitrum.streams.ingest.frames;

/**
 * A frame written to {@code vitrum.frames}.
 *
 * @param furnace the line
 * @param item the item's sequence number
 * @param format {@code pgm} or {@code png}
 * @param width columns
 * @param height rows
 * @param partition where it was written
 * @param offset its offset there
 */
public record FrameAccepted(
    String furnace, long item, String format, int width, int height, int partition, long offset) {}
