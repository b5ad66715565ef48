package io.vitrum.streams.history;

/**
 * A block as stored: its window, how many points it holds, and their encoded bytes.
 *
 * @param windowStart epoch milliseconds of the window's start
 * @param points the number of points
 * @param data the encoded points ({@link io.vitrum.core.history.BlockCodec})
 */
public record EncodedBlock(long windowStart, int points, byte[] data) {}
