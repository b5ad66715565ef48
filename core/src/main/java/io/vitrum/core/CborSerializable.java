package io.vitrum.core;

/**
 * Marker for every message, event and snapshot that crosses a node boundary or reaches the journal.
 * Bound once to Pekko's jackson-cbor serializer in {@code cluster-config}; Pekko ships no public
 * marker of its own, so Vitrum owns this one.
 */
public interface CborSerializable {}
