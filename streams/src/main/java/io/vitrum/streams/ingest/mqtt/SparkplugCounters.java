package io.vitrum.streams.ingest.mqtt;

/**
 * What the Sparkplug B source has seen since it started.
 *
 * @param births NBIRTH and DBIRTH messages
 * @param deaths NDEATH and DDEATH messages that took a node or device offline
 * @param staleDeathsIgnored NDEATHs whose bdSeq did not match the node's current birth
 * @param unknownAliases data metrics naming an alias no birth declared
 * @param seqGaps messages whose seq was not the one after the previous message of the node
 * @param rebirthRequests rebirth requests sent (or due)
 * @param skippedNonNumeric non-numeric metrics that map to no tag, skipped
 * @param staleReadings readings of offline nodes or devices (quality BAD)
 * @param nodesOnline edge nodes born and not dead
 * @param nodesOffline edge nodes born and then dead
 */
public record SparkplugCounters(
    long births,
    long deaths,
    long staleDeathsIgnored,
    long unknownAliases,
    long seqGaps,
    long rebirthRequests,
    long skippedNonNumeric,
    long staleReadings,
    int nodesOnline,
    int nodesOffline) {

  /** The mutable counts behind it (guarded by the decoder's lock). */
  static final class Counting {
    long births;
    long deaths;
    long staleDeathsIgnored;
    long unknownAliases;
    long seqGaps;
    long rebirthRequests;
    long skippedNonNumeric;
    long staleReadings;

    SparkplugCounters snapshot(int online, int offline) {
      return new SparkplugCounters(
          births,
          deaths,
          staleDeathsIgnored,
          unknownAliases,
          seqGaps,
          rebirthRequests,
          skippedNonNumeric,
          staleReadings,
          online,
          offline);
    }
  }
}
