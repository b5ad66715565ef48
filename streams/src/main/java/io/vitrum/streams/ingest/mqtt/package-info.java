/**
 * MQTT: the JSON readings source ({@code vitrum/+/readings}), the Sparkplug B source (births,
 * deaths, aliases, metrics mapped through the tag map) and the setpoint writer ({@code
 * vitrum/<furnace>/setpoints}). Subscriptions are QoS 1 with persistent sessions; a message is
 * acknowledged (PUBACK) only when its token reaches the source's acknowledgement sink, and the
 * messages delivered but not yet acknowledged are bounded.
 */
package io.vitrum.streams.ingest.mqtt;
