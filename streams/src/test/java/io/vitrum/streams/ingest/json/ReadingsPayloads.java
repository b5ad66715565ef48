package io.vitrum.streams.ingest.json;

/** JSON readings payloads for tests and measurements. */
public final class ReadingsPayloads {
  private ReadingsPayloads() {}

  /**
   * An array of {@code n} readings of tags {@code F2.crown.T<k>}; the first reading's value is
   * {@code id} (so a payload can be recognised), the others 1500 + k.
   */
  public static String array(int id, int n) {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < n; k++) {
      sb.append(k == 0 ? "" : ",")
          .append("{\"tag\":\"F2.crown.T")
          .append(k)
          .append("\",\"ts\":\"2026-12-01T10:00:00Z\",\"value\":")
          .append(k == 0 ? id : 1500 + k)
          .append(",\"unit\":\"degC\"}");
    }
    return sb.append(']').toString();
  }
}
