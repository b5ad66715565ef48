/**
 * Time-series history: the writer that keeps every accepted reading of {@code vitrum.readings} in
 * compressed blocks in Cassandra with rollups, the queries over them, and replay of history into
 * the feature stage.
 */
package io.vitrum.streams.history;
