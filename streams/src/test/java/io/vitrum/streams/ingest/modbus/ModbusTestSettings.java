package io.vitrum.streams.ingest.modbus;

import com.typesafe.config.ConfigFactory;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;

/** Settings and rows for the Modbus tests: fast polls, short timeouts and backoff. */
final class ModbusTestSettings {
  private ModbusTestSettings() {}

  static ModbusSettings of(int port, String extra) {
    return ModbusSettings.create(
        ConfigFactory.parseString(
                "vitrum.modbus {\n host = \"127.0.0.1\"\n port = "
                    + port
                    + "\n poll-interval = 100ms\n request-timeout = 1s\n"
                    + " restart { min-backoff = 200ms, max-backoff = 1s, random-factor = 0 }\n"
                    + extra
                    + "\n}")
            .withFallback(ConfigFactory.load())
            .resolve());
  }

  static ModbusSettings of(int port) {
    return of(port, "");
  }

  /** A Modbus row of {@code tag} at {@code address}. */
  static TagMapRow row(String tag, String address) {
    String furnace = tag.substring(0, tag.indexOf('.'));
    return new TagMapRow(
        2, tag, furnace, "degC", -1e6, 1e6, null, null, SourceKind.MODBUS, address);
  }
}
