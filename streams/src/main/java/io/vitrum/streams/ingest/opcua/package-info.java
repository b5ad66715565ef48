/**
 * OPC UA ingest and write-back (Eclipse Milo 1.x client): {@link
 * io.vitrum.streams.ingest.opcua.OpcUaSource} subscribes the tag map's OPC UA rows, {@link
 * io.vitrum.streams.ingest.opcua.OpcUaSetpointWriter} writes accepted setpoints to their nodes,
 * both configured by {@link io.vitrum.streams.ingest.opcua.OpcUaSettings} (security policy None or
 * Basic256Sha256 with an application certificate, username identity, server trust).
 */
package io.vitrum.streams.ingest.opcua;
