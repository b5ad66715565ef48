/**
 * Modbus TCP ingest and write-back (digitalpetri modbus 2.x): {@link
 * io.vitrum.streams.ingest.modbus.ModbusSource} polls the tag map's Modbus rows in grouped read
 * requests, {@link io.vitrum.streams.ingest.modbus.ModbusSetpointWriter} writes accepted setpoints
 * to holding registers, both configured by {@link io.vitrum.streams.ingest.modbus.ModbusSettings}.
 */
package io.vitrum.streams.ingest.modbus;
