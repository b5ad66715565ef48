/**
 * What ingest needs to know before anything reaches Kafka: the tag map (what to read, where, and
 * where accepted setpoints are written), register layouts of Modbus addresses, reading quality as
 * sources report it, and the one validation every source goes through.
 */
package io.vitrum.core.ingest;
