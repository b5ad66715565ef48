package io.vitrum.config.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated plant (by default {@code io.vitrum.loadtests.plant.PlantMain} from {@code
 * load-tests}) in a child JVM: it runs the plant simulator and serves it as a plant would, over OPC
 * UA and Modbus TCP on 127.0.0.1, and publishes to the given MQTT broker and Kafka (which it
 * connects to, with retries, in the background). Its control API on 127.0.0.1 ({@code /faults})
 * injects and repairs faults; the engine never uses it. Its classpath comes from a file the dev
 * build writes. Ready when it prints "Vitrum plant ready" and its servers accept connections. A
 * plant already running on the same directory is reused when it was launched with the same
 * arguments, else replaced (see {@link ChildProcess}).
 */
public final class SimulatedPlant implements EmbeddedServer {
  private static final String READY = "Vitrum plant ready";
  private static final String HOW_TO_BUILD =
      "build the plant with `mvn -B -q -DskipTests -pl http,load-tests -am package` and write"
          + " load-tests/target/classes plus load-tests/target/runtime.classpath into it"
          + " (http/bin/vitrum-local does both), or set VITRUM_SIMULATOR=off";

  private final ChildProcess process;
  private final SimulatedPlantSettings settings;

  private SimulatedPlant(ChildProcess process, SimulatedPlantSettings settings) {
    this.process = process;
    this.settings = settings;
  }

  /**
   * Starts the plant (or attaches to the one already running on the same directory with the same
   * arguments) and returns once it is ready.
   *
   * @param kafka {@code host:port} of the Kafka its camera frames go to; "" for none
   * @param mqttUrl {@code tcp://host:port} of the broker its MQTT furnaces publish to; "" for none
   * @throws IllegalStateException if its classpath file is missing (the message says how to build
   *     it), or it does not become ready; the message then carries the end of its log
   */
  public static SimulatedPlant start(
      SimulatedPlantSettings settings, String kafka, String mqttUrl) {
    String classpath = JavaCommand.classpathFile(settings.classpathFile(), HOW_TO_BUILD);
    List<String> arguments = arguments(settings, kafka, mqttUrl);
    ServerFiles files = new ServerFiles(settings.dataDirectory(), "plant");
    Map<String, Integer> ports = new LinkedHashMap<>();
    if (settings.opcuaPort() > 0) {
      ports.put("opcua", settings.opcuaPort());
    }
    if (settings.modbusPort() > 0) {
      ports.put("modbus", settings.modbusPort());
    }
    if (settings.controlPort() > 0) {
      ports.put("control", settings.controlPort());
    }
    ChildSpec spec =
        ChildSpec.of(
                "plant",
                files,
                chosen -> {
                  List<String> jvm = new ArrayList<>();
                  jvm.addAll(
                      List.of(
                          "-Xmx" + settings.heap(),
                          "-XX:+ExitOnOutOfMemoryError",
                          "-cp",
                          classpath,
                          settings.mainClass()));
                  jvm.addAll(arguments);
                  return JavaCommand.write(JavaCommand.currentJava(), files.argFile(), jvm);
                },
                READY,
                settings.startTimeout(),
                settings.stopTimeout())
            .withPorts(ports, List.copyOf(ports.keySet()))
            .withSignature(String.join(" ", arguments) + " -Xmx" + settings.heap());
    return new SimulatedPlant(ChildProcess.start(spec), settings);
  }

  /** The command-line arguments of {@code PlantMain}, as the ingest contract defines them. */
  static List<String> arguments(SimulatedPlantSettings settings, String kafka, String mqttUrl) {
    return List.of(
        "--furnaces",
        Integer.toString(settings.furnaces()),
        "--seed",
        Long.toString(settings.seed()),
        "--opcua-port",
        Integer.toString(settings.opcuaPort()),
        "--modbus-port",
        Integer.toString(settings.modbusPort()),
        "--control-port",
        Integer.toString(settings.controlPort()),
        "--mqtt-url",
        mqttUrl,
        "--kafka",
        kafka,
        "--items-per-minute",
        Double.toString(settings.itemsPerMinute()),
        "--speed",
        Double.toString(settings.speed()));
  }

  /** The OPC UA port on 127.0.0.1; 0 when its OPC UA server is off. */
  public int opcuaPort() {
    return settings.opcuaPort() > 0 ? process.port("opcua") : 0;
  }

  /** The Modbus TCP port on 127.0.0.1; 0 when its Modbus server is off. */
  public int modbusPort() {
    return settings.modbusPort() > 0 ? process.port("modbus") : 0;
  }

  /** The port of its control API on 127.0.0.1; 0 when the API is off. */
  public int controlPort() {
    return settings.controlPort() > 0 ? process.port("control") : 0;
  }

  /** {@code http://127.0.0.1:<port>/faults}, its control API's faults; "" when the API is off. */
  public String faultsUrl() {
    return controlPort() > 0 ? "http://127.0.0.1:" + controlPort() + "/faults" : "";
  }

  /** {@code opc.tcp://127.0.0.1:<port>}; "" when its OPC UA server is off. */
  public String opcuaEndpoint() {
    return opcuaPort() > 0 ? "opc.tcp://127.0.0.1:" + opcuaPort() : "";
  }

  /** The operating-system pid of the plant JVM. */
  public long pid() {
    return process.pid();
  }

  @Override
  public boolean owned() {
    return process.owned();
  }

  @Override
  public Duration startupTime() {
    return process.startupTime();
  }

  /** Where the plant writes its output. */
  public Path log() {
    return process.log();
  }

  @Override
  public String describe() {
    List<String> served = new ArrayList<>();
    if (opcuaPort() > 0) {
      served.add("OPC UA " + opcuaEndpoint());
    }
    if (modbusPort() > 0) {
      served.add("Modbus 127.0.0.1:" + modbusPort());
    }
    if (controlPort() > 0) {
      served.add("faults " + faultsUrl());
    }
    return "Plant       "
        + settings.furnaces()
        + " furnaces"
        + (served.isEmpty() ? "" : ", " + String.join(", ", served))
        + " ("
        + process.howStarted("simulated")
        + "), log "
        + log();
  }

  /** Stops a plant this launcher started; no-op when attached. */
  @Override
  public void close() {
    process.close();
  }
}
