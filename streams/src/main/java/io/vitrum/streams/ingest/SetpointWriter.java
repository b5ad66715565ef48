package io.vitrum.streams.ingest;

import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;

/**
 * Writes an accepted setpoint to the plant over one protocol (OPC UA write, MQTT command, Modbus
 * register write). The write-back stage owns retries; one call is one attempt.
 */
public interface SetpointWriter {

  /** The protocol this writer speaks. */
  SourceKind protocol();

  /**
   * Writes {@code value} to where {@code target} (a setpoint row of the tag map) says.
   *
   * @return completes when the plant acknowledged the write; fails with the reason otherwise
   */
  CompletionStage<Done> write(TagMapRow target, double value);
}
