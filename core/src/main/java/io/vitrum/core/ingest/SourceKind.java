package io.vitrum.core.ingest;

import java.util.Locale;
import java.util.Optional;

/** The protocol a tag-map row reads from (and, for setpoint rows, writes to). */
public enum SourceKind {
  OPCUA,
  MQTT,
  KAFKA,
  MODBUS;

  /** The name in the tag map and in metrics, e.g. {@code opcua}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind named {@code key} (case-insensitive). */
  public static Optional<SourceKind> byKey(String key) {
    for (SourceKind kind : values()) {
      if (kind.key().equalsIgnoreCase(key.trim())) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
