/**
 * Ingest: every protocol source decodes its messages into {@link
 * io.vitrum.streams.ingest.Inbound}s, one validation stage judges them, accepted readings go to
 * Kafka {@code vitrum.readings} and bad input to {@code vitrum.quarantine}, and only then is the
 * source told to acknowledge (MQTT PUBACK, Kafka commit).
 */
package io.vitrum.streams.ingest;
