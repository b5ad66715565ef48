package io.vitrum.loadtests.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dev run end to end, over the wires a real plant uses: the simulated plant's F1 readings
 * arrive over OPC UA, F2's over MQTT, F3's over Modbus TCP, all through Kafka into the Sensor
 * entities; MIK-1 frames are counted; bad MQTT input is quarantined with its reason; a setpoint
 * accepted by a Furnace entity is written back over that furnace's protocol and the plant follows
 * it; the items the vision model rejects are kicked off their lines through the reject outputs over
 * OPC UA (F1) and Modbus (F3); SIGTERM stops the node and every server it started.
 */
class LocalPlantIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static DevNode node;

  @BeforeAll
  static void start() throws Exception {
    node = DevNode.start("e2e", Duration.ofMinutes(5));
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      List<Long> children = node.children();
      node.close();
      assertTrue(node.allStopped(children), "every server the node started is stopped");
    }
  }

  @Test
  void everyProtocolDeliversItsFurnaceIntoTheSensorEntities() throws Exception {
    for (String tag :
        List.of("F1.crown.T1", "F2.crown.T1", "F3.crown.T1", "F3.crown.P", "F3.gas.flow")) {
      long accepted =
          await(
              () -> JSON.readTree(node.get("/api/sensors/" + tag)).path("accepted").asLong(),
              n -> n >= 3,
              "readings of " + tag);
      assertTrue(accepted >= 3, tag);
    }
    JsonNode status = JSON.readTree(node.get("/api/ingest/status"));
    assertTrue(
        status.path("frames").path("F1").asLong() > 0, "MIK-1 frames are counted: " + status);
  }

  @Test
  void badMqttInputIsQuarantinedWithItsReason() throws Exception {
    MqttClient client =
        new MqttClient("tcp://127.0.0.1:" + node.mqtt, "e2e-bad-input", new MemoryPersistence());
    client.connect();
    String bad =
        "[{\"tag\":\"F2.crown.T1\",\"ts\":\""
            + Instant.now()
            + "\",\"value\":1500,\"unit\":\"degF\"}]";
    client.publish("vitrum/F2/readings", bad.getBytes(StandardCharsets.UTF_8), 1, false);
    client.publish("vitrum/F2/readings", "not json".getBytes(StandardCharsets.UTF_8), 1, false);
    client.disconnect();
    JsonNode unit =
        await(
            () -> JSON.readTree(node.get("/api/quarantine?reason=unit-mismatch&source=mqtt")),
            n -> n.path("count").asInt() > 0,
            "the unit mismatch in the quarantine");
    assertEquals("F2.crown.T1", unit.path("records").get(0).path("tag").asText());
    await(
        () -> JSON.readTree(node.get("/api/quarantine?reason=malformed-payload&source=mqtt")),
        n -> n.path("count").asInt() > 0,
        "the malformed payload in the quarantine");
  }

  @Test
  void anAcceptedSetpointIsWrittenBackOverEachFurnacesProtocolAndThePlantFollows()
      throws Exception {
    for (String furnace : List.of("F1", "F2", "F3")) {
      HttpResponse<String> r =
          node.post(
              "/api/furnaces/" + furnace + "/setpoints",
              "{\"parameter\":\"pullRate\",\"value\":310,\"reason\":\"end-to-end test\"}",
              Map.of());
      assertEquals(200, r.statusCode(), r.body());
    }
    for (String furnace : List.of("F1", "F2", "F3")) {
      JsonNode write =
          await(
              () ->
                  JSON.readTree(node.get("/api/furnaces/" + furnace))
                      .path("setpointChanges")
                      .path("pullRate")
                      .path("write"),
              w -> "written".equals(w.path("status").asText()),
              furnace + "'s write-back");
      assertEquals("written", write.path("status").asText(), furnace + ": " + write);
      // The plant's pull follows its new setpoint; the pull tag reports it.
      await(
          () ->
              JSON.readTree(node.get("/api/sensors/" + furnace + ".pull.rate"))
                  .path("lastValue")
                  .asDouble(),
          v -> Math.abs(v - 310) < 15,
          furnace + ".pull.rate near 310 t/day");
    }
  }

  @Test
  void rejectedItemsAreKickedOffTheirLinesOverOpcUaAndModbus() throws Exception {
    double written =
        await(
            () -> metric("vitrum_inspection_reject_writes_total", "outcome=\"written\""),
            n -> n > 0,
            "reject writes acknowledged by the plant");
    assertTrue(written > 0);
    for (String line : List.of("F1", "F3")) {
      await(
          LocalPlantIT::plantLogs,
          logs -> logs.contains("Line " + line + ": item"),
          "the plant kicking an item off line " + line);
    }
    // The writers connect on their first write: on a loaded box the first rejects can time out
    // (2 s) while the OPC UA session is made. Once both lines have kicked, writes go through.
    double failed = metric("vitrum_inspection_reject_writes_total", "outcome=\"failed\"");
    double now = metric("vitrum_inspection_reject_writes_total", "outcome=\"written\"");
    double later =
        await(
            () -> metric("vitrum_inspection_reject_writes_total", "outcome=\"written\""),
            n -> n >= now + 5,
            "more reject writes acknowledged");
    assertTrue(later >= now + 5);
    assertEquals(
        failed,
        metric("vitrum_inspection_reject_writes_total", "outcome=\"failed\""),
        "no write failed once both lines had kicked");
  }

  /** The sum of {@code name}'s samples whose labels contain {@code label} on {@code /metrics}. */
  private static double metric(String name, String label) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.management + "/metrics"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    double sum = 0;
    for (String line : r.body().split("\n")) {
      if (line.startsWith(name + "{") && line.contains(label)) {
        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return sum;
  }

  /** The simulated plant's logs (under the node's data directory). */
  private static String plantLogs() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(node.log.getParent().resolve("plant"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".log")).toList()) {
        out.append(new String(Files.readAllBytes(f), StandardCharsets.UTF_8));
      }
    }
    return out.toString();
  }

  private static <T> T await(Callable<T> read, java.util.function.Predicate<T> done, String what)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    T last = null;
    Exception error = null;
    while (System.nanoTime() < deadline) {
      try {
        last = read.call();
        if (done.test(last)) {
          return last;
        }
      } catch (Exception e) {
        error = e;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError(
        "timed out waiting for "
            + what
            + "; last "
            + last
            + "; error "
            + error
            + "\n"
            + node.tail());
  }
}
