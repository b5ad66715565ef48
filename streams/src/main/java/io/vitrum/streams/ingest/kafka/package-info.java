/**
 * Kafka as ingest's durable log: settings and topics, the compact {@code vitrum.readings} record,
 * the quarantine record and its queryable store, and the consumer group that delivers readings to
 * the Sensor entities.
 */
package io.vitrum.streams.ingest.kafka;
