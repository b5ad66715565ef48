package io.vitrum.streams.ingest;

import io.vitrum.core.ingest.TagMapError;
import java.util.List;

/**
 * What applying a tag map did.
 *
 * @param rows rows in the file that parsed
 * @param sensorsConfigured sensor rows whose entity accepted the configuration
 * @param setpointRows rows that say where setpoints are written
 * @param errors refused rows: by the parser, or by the Sensor entity (with the entity's reason)
 * @param total rows now in the node's tag map
 */
public record TagMapApplied(
    int rows, int sensorsConfigured, int setpointRows, List<TagMapError> errors, int total) {}
