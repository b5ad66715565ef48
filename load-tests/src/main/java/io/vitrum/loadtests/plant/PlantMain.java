package io.vitrum.loadtests.plant;

import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.PlantWiring;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.loadtests.Cli;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated plant process: parses {@link PlantOptions}, starts the OPC UA and Modbus servers
 * and the control API ({@link PlantControlServer}), runs the simulator in real time, prints {@value
 * #READY} on standard output once the servers listen, then connects MQTT and Kafka in the
 * background. Stops cleanly on SIGTERM.
 *
 * <p>Usage, after {@code mvn -B -q -pl load-tests -am package -DskipTests}: {@code java -cp
 * "load-tests/target/classes:$(cat load-tests/target/runtime.classpath)"
 * io.vitrum.loadtests.plant.PlantMain --furnaces 3 --seed 1 --opcua-port 4840 --modbus-port 5020
 * --control-port 8090 --mqtt-url tcp://127.0.0.1:1883 --kafka 127.0.0.1:9092 --items-per-minute 330
 * --speed 1.0}.
 */
public final class PlantMain {
  /** The line a launcher waits for. */
  public static final String READY = "Vitrum plant ready";

  private static final Logger log = LoggerFactory.getLogger(PlantMain.class);
  private static final long MAX_CATCH_UP_STEPS = 300;
  private static final Duration MQTT_RETRY = Duration.ofSeconds(2);
  private static final Duration CONTROL_WAIT = Duration.ofSeconds(5);

  private PlantMain() {}

  /** Runs the plant until the process is stopped; exits with 1 when a server cannot start. */
  public static void main(String[] args) {
    PlantOptions options = Cli.parseOrExit(args, PlantOptions::parse, PlantOptions.USAGE);
    long began = System.nanoTime();
    Deque<AutoCloseable> running = new ArrayDeque<>();
    try {
      start(options, running);
    } catch (Exception e) {
      log.error("Plant failed to start: {}", e.toString(), e);
      stop(running);
      System.exit(1);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(running), "plant-shutdown"));
    log.info(
        "Plant of {} furnaces (seed {}, speed {}) started in {} ms",
        options.furnaces(),
        options.seed(),
        options.speed(),
        (System.nanoTime() - began) / 1_000_000);
  }

  private static void start(PlantOptions options, Deque<AutoCloseable> running) throws Exception {
    SimulatorConfig config =
        SimulatorConfig.of(options.furnaces(), options.seed())
            .withStart(Instant.now().truncatedTo(ChronoUnit.SECONDS))
            .withItemsPerMinute(options.itemsPerMinute());
    PlantSimulator simulator = new PlantSimulator(config);
    SetpointInbox inbox =
        new SetpointInbox(new HashSet<>(simulator.furnaces()), SetpointInbox.DEFAULT_CAPACITY);
    SimulatedPlant plant = new SimulatedPlant(simulator, inbox);
    RejectGate gate = new RejectGate();
    List<PlantOutput> outputs = new ArrayList<>();

    List<String> opcua = furnacesOf(simulator, SourceKind.OPCUA);
    if (options.opcuaPort() > 0 && !opcua.isEmpty()) {
      OpcUaPlantServer server =
          OpcUaPlantServer.start(options.opcuaPort(), opcua, plant.setpoints(), inbox, gate);
      running.push(server);
      outputs.add(server);
    }
    if (options.modbusPort() > 0 && furnacesOf(simulator, SourceKind.MODBUS).isEmpty()) {
      log.info(
          "No Modbus furnace among {} (F3 is the first): no Modbus server", options.furnaces());
    } else if (options.modbusPort() > 0) {
      ModbusPlantServer server =
          ModbusPlantServer.start(
              options.modbusPort(),
              PlantWiring.rows(options.furnaces()),
              plant.setpoints(),
              inbox,
              gate);
      running.push(server);
      outputs.add(server);
    }
    List<String> mqtt = furnacesOf(simulator, SourceKind.MQTT);
    MqttPlantLink link = null;
    if (options.mqttEnabled() && mqtt.isEmpty()) {
      log.info("No MQTT furnace among {} (F2 is the first): no MQTT link", options.furnaces());
    } else if (options.mqttEnabled()) {
      link =
          new MqttPlantLink(
              options.mqttUrl(),
              mqtt,
              inbox,
              MQTT_RETRY,
              PlantCredentials.fromEnv(System.getenv(), "VITRUM_MQTT"));
      running.push(link);
      outputs.add(link);
    }
    FramePublisher frames = null;
    if (options.kafkaEnabled()) {
      String kafka = options.kafka();
      frames =
          new FramePublisher(
              () -> FramePublisher.kafkaProducer(kafka),
              FramePublisher.TOPIC,
              options.kafka(),
              simulator.furnaces(),
              options.itemsPerMinute(),
              options.seed(),
              FramePublisher.DEFAULT_CAPACITY);
      running.push(frames);
      outputs.add(frames);
    }
    RealTimeLoop loop =
        new RealTimeLoop(
            plant,
            new PlantClock(
                config.start(),
                config.step(),
                options.speed(),
                MAX_CATCH_UP_STEPS,
                System::currentTimeMillis),
            options.speed(),
            outputs);
    if (options.controlPort() > 0) {
      running.push(
          PlantControlServer.start(
              options.controlPort(),
              plant.faults(),
              simulator.tags(),
              CONTROL_WAIT.plus(loop.tickPeriod().multipliedBy(2))));
    }
    loop.start();
    running.push(loop);
    System.out.println(READY);
    System.out.flush();
    if (link != null) {
      link.start();
    }
    if (frames != null) {
      frames.start();
    }
  }

  private static List<String> furnacesOf(PlantSimulator simulator, SourceKind kind) {
    return simulator.furnaces().stream().filter(f -> PlantWiring.protocolOf(f) == kind).toList();
  }

  /** Closes what runs, last started first; the simulation loop stops before the servers. */
  private static void stop(Deque<AutoCloseable> running) {
    while (!running.isEmpty()) {
      AutoCloseable c = running.pop();
      try {
        c.close();
      } catch (Exception e) {
        log.warn("Stopping {} failed: {}", c.getClass().getSimpleName(), e.toString());
      }
    }
    log.info("Plant stopped");
  }
}
