package io.vitrum.streams.ingest.writeback;

/**
 * How the write of one setpoint change ended.
 *
 * @param protocol the protocol's key ({@code opcua}, ...), {@code none} without a tag-map row
 * @param written whether the plant acknowledged it
 * @param attempts how many tries were made (0 when none could be)
 * @param detail where it was written, or why it was not (the last error)
 * @param superseded whether the tries stopped because the change is no longer the furnace's current
 *     one: such an outcome is not recorded
 */
record WriteOutcome(
    String protocol, boolean written, int attempts, String detail, boolean superseded) {

  static WriteOutcome written(String protocol, int attempts, String detail) {
    return new WriteOutcome(protocol, true, attempts, detail, false);
  }

  static WriteOutcome failed(String protocol, int attempts, String detail) {
    return new WriteOutcome(protocol, false, attempts, detail, false);
  }

  static WriteOutcome superseded(String protocol, int attempts) {
    return new WriteOutcome(protocol, false, attempts, "superseded by a later change", true);
  }
}
