/**
 * Protocol load generators of ingest: publish readings to a running node over Kafka or MQTT at a
 * target rate and read the node's own meters to report what reached the Sensor entities.
 */
package io.vitrum.loadtests.ingest;
