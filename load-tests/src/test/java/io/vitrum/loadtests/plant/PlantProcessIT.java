package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.tcp.client.NettyTcpClientTransport;
import io.vitrum.config.embedded.FreePort;
import io.vitrum.core.plant.SetpointParameter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plant as the launcher runs it: its own JVM, the ready line on standard output once the OPC UA
 * and Modbus servers and the control API listen (MQTT and Kafka brokers absent), real clients
 * served, a clean exit on SIGTERM.
 */
class PlantProcessIT {

  @Test
  void startsServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    int opcua = FreePort.pick();
    int modbus = FreePort.pick();
    int control = FreePort.pick();
    int deadBroker = FreePort.pick();
    Path log = dir.resolve("plant.log");
    Process plant =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-cp",
                System.getProperty("java.class.path"),
                PlantMain.class.getName(),
                "--furnaces",
                "3",
                "--seed",
                "4",
                "--opcua-port",
                Integer.toString(opcua),
                "--modbus-port",
                Integer.toString(modbus),
                "--control-port",
                Integer.toString(control),
                "--mqtt-url",
                "tcp://127.0.0.1:" + deadBroker,
                "--kafka",
                "")
            .redirectError(log.toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(plant.getInputStream(), StandardCharsets.UTF_8));
      CompletableFuture<String> ready =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.equals(PlantMain.READY)) {
                      return line;
                    }
                  }
                  return null;
                } catch (java.io.IOException e) {
                  return null;
                }
              });
      assertEquals(PlantMain.READY, ready.get(120, TimeUnit.SECONDS), Files.readString(log));

      OpcUaClient client = OpcUaClient.create("opc.tcp://127.0.0.1:" + opcua);
      client.connect();
      DataValue crown =
          client.readValue(0, TimestampsToReturn.Both, NodeId.parse("ns=2;s=F1.crown.T1"));
      client.disconnect();
      assertTrue(crown.getStatusCode().isGood(), crown.toString());

      ModbusTcpClient modbusClient =
          ModbusTcpClient.create(
              NettyTcpClientTransport.create(cfg -> cfg.setHostname("127.0.0.1").setPort(modbus)));
      modbusClient.connect();
      byte[] registers =
          modbusClient
              .readHoldingRegisters(
                  1, new ReadHoldingRegistersRequest(2 * SetpointParameter.PULL_RATE.ordinal(), 2))
              .registers();
      modbusClient.disconnect();
      float pull =
          Float.intBitsToFloat(
              ((registers[0] & 0xFF) << 24)
                  | ((registers[1] & 0xFF) << 16)
                  | ((registers[2] & 0xFF) << 8)
                  | (registers[3] & 0xFF));
      assertTrue(SetpointParameter.PULL_RATE.withinBounds(pull), "F3 pull rate " + pull);

      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> injected =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + control + "/faults"))
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"furnace\":\"F3\",\"kind\":\"burner-degradation\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(201, injected.statusCode(), injected.body());
      assertTrue(injected.body().contains("\"active\":true"), injected.body());

      plant.destroy();
      assertTrue(plant.waitFor(30, TimeUnit.SECONDS), "stops on SIGTERM");
      List<String> lines = Files.readAllLines(log);
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("Plant stopped")), String.join("\n", lines));
      assertTrue(
          lines.stream().anyMatch(l -> l.contains("MQTT broker") && l.contains("not reachable")),
          "says the broker is not there yet");
    } finally {
      plant.destroyForcibly();
    }
  }
}
