package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.vitrum.config.embedded.FreePort;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plant's MQTT link against an in-process Moquette broker that starts after the link: it
 * connects once the broker is up, publishes F2's readings and takes setpoint commands.
 */
class MqttPlantLinkTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static Server broker;
  private static MqttPlantLink link;
  private static MqttClient operator;
  private static SimulatedPlant plant;
  private static final BlockingQueue<String[]> received = new LinkedBlockingQueue<>();

  @BeforeAll
  static void start() throws Exception {
    PlantSimulator simulator =
        new PlantSimulator(
            SimulatorConfig.of(2, 5).withStart(Instant.parse("2026-03-01T08:00:00Z")));
    SetpointInbox inbox = new SetpointInbox(Set.copyOf(simulator.furnaces()), 16);
    plant = new SimulatedPlant(simulator, inbox);
    int port = FreePort.pick();
    String url = "tcp://127.0.0.1:" + port;
    link = new MqttPlantLink(url, List.of("F2"), inbox, Duration.ofMillis(300));
    link.start();
    Thread.sleep(700);
    assertFalse(link.isConnected(), "no broker yet");

    Properties props = new Properties();
    props.setProperty("host", "127.0.0.1");
    props.setProperty("port", Integer.toString(port));
    props.setProperty("allow_anonymous", "true");
    props.setProperty("persistence_enabled", "false");
    props.setProperty("telemetry_enabled", "false");
    broker = new Server();
    broker.startServer(new MemoryConfig(props));
    await(link::isConnected, "the link connects once the broker is up");

    operator = new MqttClient(url, "operator-" + port, new MemoryPersistence());
    MqttConnectOptions options = new MqttConnectOptions();
    options.setCleanSession(true);
    operator.connect(options);
    operator.subscribe(
        "vitrum/+/readings",
        1,
        (topic, message) ->
            received.add(
                new String[] {topic, new String(message.getPayload(), StandardCharsets.UTF_8)}));
  }

  @AfterAll
  static void stop() throws Exception {
    if (operator != null) {
      operator.disconnect();
      operator.close();
    }
    if (link != null) {
      link.close();
    }
    if (broker != null) {
      broker.stopServer();
    }
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out: " + what);
      }
      Thread.sleep(50);
    }
  }

  private static void command(String json) throws Exception {
    MqttMessage message = new MqttMessage(json.getBytes(StandardCharsets.UTF_8));
    message.setQos(1);
    operator.publish("vitrum/F2/setpoints", message);
  }

  @Test
  void eachTickPublishesOneArrayOfTheFurnacesReadings() throws Exception {
    PlantTick tick = plant.advance(1);
    List<Reading> expected =
        tick.steps().stream()
            .flatMap(s -> s.readings().stream())
            .filter(r -> r.tag().startsWith("F2."))
            .toList();

    link.onTick(tick);

    JsonNode array = null;
    String topic = null;
    while (array == null) {
      String[] message = received.poll(10, TimeUnit.SECONDS);
      assertTrue(message != null, "a readings message of the tick");
      JsonNode candidate = JSON.readTree(message[1]);
      if (Instant.parse(candidate.get(0).get("ts").asText()).equals(expected.get(0).ts())) {
        array = candidate;
        topic = message[0];
      }
    }
    assertEquals("vitrum/F2/readings", topic);
    assertTrue(array.isArray());
    assertEquals(expected.size(), array.size());
    JsonNode first = array.get(0);
    assertEquals(expected.get(0).tag(), first.get("tag").asText());
    assertEquals(expected.get(0).ts(), Instant.parse(first.get("ts").asText()));
    assertEquals(expected.get(0).value(), first.get("value").asDouble());
    assertEquals("degC", first.get("unit").asText());
    assertEquals(null, received.poll(300, TimeUnit.MILLISECONDS), "nothing for F1 (OPC UA)");
  }

  @Test
  void aSetpointCommandIsAppliedAndMalformedOnesAreIgnored() throws Exception {
    command("not json");
    command("{\"furnace\":\"F1\",\"parameter\":\"pullRate\",\"value\":310.0}");
    command("{\"furnace\":\"F2\",\"parameter\":\"pullRate\",\"value\":9999.0}");
    command("{\"furnace\":\"F2\",\"parameter\":\"noSuchThing\",\"value\":1.0}");
    command(
        "{\"furnace\":\"F2\",\"parameter\":\"pullRate\",\"value\":320.0,"
            + "\"ts\":\"2026-03-01T08:00:05Z\"}");

    await(
        () -> {
          link.onTick(plant.advance(1));
          return plant.simulator().setpoints("F2").get(SetpointParameter.PULL_RATE) == 320.0;
        },
        "the valid command reaches the simulator");
    assertTrue(link.isConnected(), "malformed commands do not break the link");
  }
}
