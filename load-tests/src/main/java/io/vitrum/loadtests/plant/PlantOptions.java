package io.vitrum.loadtests.plant;

import io.vitrum.core.sim.SimulatorConfig;

/**
 * Arguments of the plant process, parsed from {@code --name value} pairs.
 *
 * @param furnaces number of furnaces {@code F1..Fn}; their protocols cycle OPC UA, MQTT, Modbus
 * @param seed master seed of the simulator
 * @param opcuaPort OPC UA server port on 127.0.0.1, 0 for none
 * @param modbusPort Modbus TCP server port on 127.0.0.1, 0 for none
 * @param controlPort port of the HTTP control API on 127.0.0.1 ({@link PlantControlServer}: fault
 *     injection and repair), 0 for none
 * @param mqttUrl MQTT broker, e.g. {@code tcp://127.0.0.1:1883}; empty for none
 * @param kafka Kafka bootstrap servers for the frames, e.g. {@code 127.0.0.1:9092}; empty for none
 * @param itemsPerMinute items each line's MIK-1 machine inspects per minute
 * @param speed simulated seconds per wall-clock second
 */
public record PlantOptions(
    int furnaces,
    long seed,
    int opcuaPort,
    int modbusPort,
    int controlPort,
    String mqttUrl,
    String kafka,
    double itemsPerMinute,
    double speed) {

  /** What {@link #parse} accepts. */
  public static final String USAGE =
      "usage: PlantMain [--furnaces 3] [--seed 1] [--opcua-port 4840 (0=off)]"
          + " [--modbus-port 5020 (0=off)] [--control-port 8090 (0=off)]"
          + " [--mqtt-url tcp://127.0.0.1:1883 (\"\"=off)] [--kafka 127.0.0.1:9092 (\"\"=off)]"
          + " [--items-per-minute 330] [--speed 1.0]";

  private static final int MAX_FURNACES = 300;
  private static final double MAX_SPEED = 1000;

  public PlantOptions {
    if (furnaces < 1 || furnaces > MAX_FURNACES) {
      throw new IllegalArgumentException("--furnaces must be 1-" + MAX_FURNACES);
    }
    checkPort("--opcua-port", opcuaPort);
    checkPort("--modbus-port", modbusPort);
    checkPort("--control-port", controlPort);
    mqttUrl = mqttUrl == null ? "" : mqttUrl.trim();
    kafka = kafka == null ? "" : kafka.trim();
    if (!(itemsPerMinute >= 0 && itemsPerMinute <= 1000)) {
      throw new IllegalArgumentException("--items-per-minute must be in [0, 1000]");
    }
    if (!(speed > 0 && speed <= MAX_SPEED)) {
      throw new IllegalArgumentException("--speed must be in (0, " + MAX_SPEED + "]");
    }
  }

  /** Whether furnaces are published over MQTT. */
  public boolean mqttEnabled() {
    return !mqttUrl.isEmpty();
  }

  /** Whether frames go to Kafka. */
  public boolean kafkaEnabled() {
    return !kafka.isEmpty();
  }

  /**
   * Parses {@code args}; throws {@link IllegalArgumentException} naming the offending argument for
   * an unknown name, a missing value or a malformed number.
   */
  public static PlantOptions parse(String... args) {
    int furnaces = 3;
    long seed = 1;
    int opcuaPort = 4840;
    int modbusPort = 5020;
    int controlPort = 8090;
    String mqttUrl = "tcp://127.0.0.1:1883";
    String kafka = "127.0.0.1:9092";
    double itemsPerMinute = SimulatorConfig.DEFAULT_ITEMS_PER_MINUTE;
    double speed = 1;
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(name + " needs a value");
      }
      String value = args[i + 1];
      try {
        switch (name) {
          case "--furnaces" -> furnaces = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--opcua-port" -> opcuaPort = Integer.parseInt(value);
          case "--modbus-port" -> modbusPort = Integer.parseInt(value);
          case "--control-port" -> controlPort = Integer.parseInt(value);
          case "--mqtt-url" -> mqttUrl = value;
          case "--kafka" -> kafka = value;
          case "--items-per-minute" -> itemsPerMinute = Double.parseDouble(value);
          case "--speed" -> speed = Double.parseDouble(value);
          default -> throw new IllegalArgumentException("unknown argument " + name);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(name + ": not a number: " + value, e);
      }
    }
    return new PlantOptions(
        furnaces, seed, opcuaPort, modbusPort, controlPort, mqttUrl, kafka, itemsPerMinute, speed);
  }

  private static void checkPort(String name, int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException(name + " must be 0-65535");
    }
  }
}
