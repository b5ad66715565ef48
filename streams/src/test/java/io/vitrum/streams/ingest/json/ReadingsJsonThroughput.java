package io.vitrum.streams.ingest.json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Measures {@link ReadingsJson} decode throughput on this machine (not a test: run its main).
 * Arrays of 100 readings, once with one timestamp per array (a scan), once with a distinct
 * timestamp per reading.
 */
public final class ReadingsJsonThroughput {
  private ReadingsJsonThroughput() {}

  public static void main(String[] args) {
    int perArray = 100;
    ReadingsJson json = new ReadingsJson(1 << 20, 10_000);
    for (boolean shared : new boolean[] {true, false, true, false}) {
      byte[][] payloads = new byte[64][];
      for (int i = 0; i < payloads.length; i++) {
        payloads[i] = payload(i, perArray, shared);
      }
      long deadline = System.nanoTime() + 3_000_000_000L;
      long readings = 0;
      long bytes = 0;
      long start = System.nanoTime();
      int i = 0;
      while (System.nanoTime() < deadline) {
        byte[] p = payloads[i++ & 63];
        readings += json.decode(p).readings().size();
        bytes += p.length;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%s timestamps: %.0f readings/s, %.1f MB/s (%d bytes per 100-reading array)%n",
          shared ? "shared" : "distinct",
          readings / seconds,
          bytes / seconds / 1e6,
          payloads[0].length);
    }
  }

  private static byte[] payload(int seed, int n, boolean sharedTs) {
    Instant base = Instant.parse("2026-12-01T10:00:00Z").plusSeconds(seed);
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < n; k++) {
      if (k > 0) {
        sb.append(',');
      }
      Instant ts = sharedTs ? base : base.plusMillis(k * 7L);
      sb.append("{\"tag\":\"F2.crown.T")
          .append(k)
          .append("\",\"ts\":\"")
          .append(ts)
          .append("\",\"value\":")
          .append(1500 + k * 0.37 + seed)
          .append(",\"unit\":\"degC\"}");
    }
    return sb.append(']').toString().getBytes(StandardCharsets.UTF_8);
  }
}
