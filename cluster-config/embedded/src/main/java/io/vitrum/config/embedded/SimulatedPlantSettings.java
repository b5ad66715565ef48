package io.vitrum.config.embedded;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to run the simulated plant process: whether to start it, where its pid, ports and log live,
 * the file holding its classpath (written by the dev build) and its main class, how many furnaces
 * and which seed, its OPC UA and Modbus TCP ports (0: that server is off), the port of its control
 * API for fault injection (0: off), MIK-1 items per minute, simulation speed, heap, and how long to
 * wait for it to start and stop.
 */
public record SimulatedPlantSettings(
    boolean enabled,
    Path dataDirectory,
    Path classpathFile,
    String mainClass,
    int furnaces,
    long seed,
    int opcuaPort,
    int modbusPort,
    int controlPort,
    double itemsPerMinute,
    double speed,
    String heap,
    Duration startTimeout,
    Duration stopTimeout) {

  public SimulatedPlantSettings {
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    Objects.requireNonNull(classpathFile, "classpathFile");
    Objects.requireNonNull(mainClass, "mainClass");
    Objects.requireNonNull(heap, "heap");
    Objects.requireNonNull(startTimeout, "startTimeout");
    Objects.requireNonNull(stopTimeout, "stopTimeout");
    if (furnaces < 1) {
      throw new IllegalArgumentException("furnaces must be at least 1: " + furnaces);
    }
    if (!(itemsPerMinute >= 0) || !(speed > 0)) {
      throw new IllegalArgumentException("items-per-minute must be >= 0 and speed > 0");
    }
  }

  /**
   * Reads {@code vitrum.embedded.plant}. An external OPC UA server ({@code vitrum.opcua.endpoint},
   * env {@code VITRUM_OPCUA_ENDPOINT}) turns the plant's OPC UA server off, and an external Modbus
   * server ({@code vitrum.modbus.host}, env {@code VITRUM_MODBUS_HOST}) its Modbus server: the
   * engine reads those instead.
   */
  public static SimulatedPlantSettings create(Config config) {
    Config c = config.getConfig("vitrum.embedded.plant");
    boolean externalOpcUa = !SettingsSupport.external(config, "vitrum.opcua.endpoint").isEmpty();
    boolean externalModbus = !SettingsSupport.external(config, "vitrum.modbus.host").isEmpty();
    return new SimulatedPlantSettings(
        c.getBoolean("enabled"),
        SettingsSupport.expandHome(c.getString("data-directory")),
        SettingsSupport.expandHome(c.getString("classpath-file")),
        c.getString("main-class"),
        c.getInt("furnaces"),
        c.getLong("seed"),
        externalOpcUa ? 0 : SettingsSupport.port(c, "opcua-port"),
        externalModbus ? 0 : SettingsSupport.port(c, "modbus-port"),
        SettingsSupport.port(c, "control-port"),
        c.getDouble("items-per-minute"),
        c.getDouble("speed"),
        c.getString("heap"),
        c.getDuration("start-timeout"),
        c.getDuration("stop-timeout"));
  }
}
