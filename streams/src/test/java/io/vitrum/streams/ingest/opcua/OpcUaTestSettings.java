package io.vitrum.streams.ingest.opcua;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;

/** Settings and rows for the OPC UA tests: fast intervals, short backoff. */
final class OpcUaTestSettings {
  private OpcUaTestSettings() {}

  /** {@code vitrum.opcua} for {@code endpoint}, plus {@code extra} HOCON inside the block. */
  static OpcUaSettings of(String endpoint, String extra) {
    return OpcUaSettings.create(
        ConfigFactory.parseString(
                "vitrum.opcua {\n endpoint = \""
                    + endpoint
                    + "\"\n publishing-interval = 100ms\n sampling-interval = 50ms\n"
                    + " request-timeout = 5s\n"
                    + " restart { min-backoff = 200ms, max-backoff = 1s, random-factor = 0 }\n"
                    + extra
                    + "\n}")
            .withFallback(ConfigFactory.load())
            .resolve());
  }

  static OpcUaSettings of(String endpoint) {
    return of(endpoint, "");
  }

  /** An OPC UA sensor row of {@code tag} at {@code ns=2;s=<tag>}. */
  static TagMapRow row(String tag) {
    return row(tag, TestOpcUaServer.nodeId(tag));
  }

  /** An OPC UA row of {@code tag} at {@code address}. */
  static TagMapRow row(String tag, String address) {
    String furnace = tag.substring(0, tag.indexOf('.'));
    String unit = tag.contains(".setpoint.") ? "degC" : "degC";
    return new TagMapRow(2, tag, furnace, unit, 0, 2000, null, null, SourceKind.OPCUA, address);
  }
}
