/**
 * The JSON readings payload shared by MQTT {@code vitrum/<furnace>/readings} and Kafka {@code
 * vitrum.readings.in}, decoded into source readings or a precise malformed reason.
 */
package io.vitrum.streams.ingest.json;
