/**
 * Write-back: every setpoint change a Furnace accepted is written to the plant over the protocol
 * its tag-map row names, with retries, and the outcome is recorded on the furnace, at least once
 * ({@link io.vitrum.streams.ingest.writeback.SetpointWriteBack}).
 */
package io.vitrum.streams.ingest.writeback;
