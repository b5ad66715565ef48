package io.vitrum.streams.ingest;

import java.time.Instant;

/**
 * A source's state at one moment.
 *
 * @param name the source
 * @param state its connection state
 * @param endpoint what it connects to
 * @param since when it entered {@code state}
 * @param messages messages received since start
 * @param readings readings decoded since start
 * @param readingsPerSecond readings per second over the last {@link RecentRate#SECONDS} seconds
 * @param lag messages behind (Kafka sources), else {@code null}
 * @param reconnects how often it had to connect again
 * @param lastError the last failure, or {@code null}
 * @param lastErrorAt when it happened, or {@code null}
 */
public record SourceStatus(
    String name,
    ConnectionState state,
    String endpoint,
    Instant since,
    long messages,
    long readings,
    double readingsPerSecond,
    Long lag,
    long reconnects,
    String lastError,
    Instant lastErrorAt) {}
