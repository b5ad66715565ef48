package io.vitrum.loadtests.plant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.config.embedded.FreePort;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.sim.FaultKind;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaMonitoredItem;
import org.eclipse.milo.opcua.sdk.client.subscriptions.OpcUaSubscription;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.enumerated.TimestampsToReturn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plant's OPC UA server against a real Milo client. */
class OpcUaPlantServerTest {
  private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
  private static final String STUCK_TAG = "F1.crown.T2";
  private static final String DROPPED_TAG = "F1.crown.T3";

  private static SimulatedPlant plant;
  private static OpcUaPlantServer server;
  private static OpcUaClient client;

  @BeforeAll
  static void start() throws Exception {
    PlantSimulator simulator = new PlantSimulator(SimulatorConfig.of(1, 7).withStart(START));
    Instant faultsFrom = START.plusSeconds(2);
    simulator.inject(
        FaultScenario.sensor(
            STUCK_TAG, FaultKind.STUCK_SENSOR, faultsFrom, Duration.ofHours(1), 0));
    simulator.inject(
        FaultScenario.sensor(
            DROPPED_TAG, FaultKind.SENSOR_DROPOUT, faultsFrom, Duration.ofHours(1), 1));
    SetpointInbox inbox = new SetpointInbox(Set.of("F1"), 16);
    plant = new SimulatedPlant(simulator, inbox);
    server =
        OpcUaPlantServer.start(
            FreePort.pick(), List.of("F1"), plant.setpoints(), inbox, new RejectGate());
    server.onTick(plant.advance(0));
    client = OpcUaClient.create(server.endpointUrl());
    client.connect();
  }

  @AfterAll
  static void stop() throws Exception {
    if (client != null) {
      client.disconnect();
    }
    if (server != null) {
      server.close();
    }
  }

  private static DataValue read(String tag) throws Exception {
    return client.readValue(0, TimestampsToReturn.Both, NodeId.parse("ns=2;s=" + tag));
  }

  private static StatusCode write(String tag, double value) throws Exception {
    return client
        .writeValues(
            List.of(NodeId.parse("ns=2;s=" + tag)),
            List.of(DataValue.valueOnly(new Variant(value))))
        .get(0);
  }

  private static void tick(int steps) {
    server.onTick(plant.advance(steps));
  }

  @Test
  void crownTemperatureIsReadWithGoodStatusAndTheSimulatorsTimestamp() throws Exception {
    DataValue value = read("F1.crown.T1");

    assertTrue(value.getStatusCode().isGood(), value.getStatusCode().toString());
    double celsius = (Double) value.getValue().getValue();
    assertTrue(celsius > 1400 && celsius < 1700, "crown at " + celsius + " degC");
    assertTrue(!value.getSourceTime().getJavaInstant().isBefore(START));
  }

  @Test
  void setpointVariablesStartAtTheSimulatorsSetpoints() throws Exception {
    DataValue value = read("F1.setpoint.pullRate");

    assertEquals(
        plant.simulator().setpoints("F1").get(SetpointParameter.PULL_RATE),
        (Double) value.getValue().getValue());
  }

  @Test
  void aSetpointWriteChangesTheSimulatorsSetpoint() throws Exception {
    StatusCode status = write("F1.setpoint.crownTemperature", 1575.0);

    assertTrue(status.isGood(), status.toString());
    tick(1);
    assertEquals(
        1575.0, plant.simulator().setpoints("F1").get(SetpointParameter.CROWN_TEMPERATURE));
    assertEquals(1575.0, (Double) read("F1.setpoint.crownTemperature").getValue().getValue());
  }

  @Test
  void aSetpointWriteOutsideTheSafeBoundsIsRefused() throws Exception {
    double before = plant.simulator().setpoints("F1").get(SetpointParameter.EXCESS_O2);

    StatusCode status = write("F1.setpoint.excessO2", 9.0);

    assertEquals(StatusCodes.Bad_OutOfRange, status.getValue());
    tick(1);
    assertEquals(before, plant.simulator().setpoints("F1").get(SetpointParameter.EXCESS_O2));
    assertEquals(before, (Double) read("F1.setpoint.excessO2").getValue().getValue());
  }

  @Test
  void aStuckSensorIsUncertainAndADroppedSampleBad() throws Exception {
    tick(3);

    assertEquals(StatusCodes.Uncertain_LastUsableValue, read(STUCK_TAG).getStatusCode().getValue());
    assertEquals(StatusCodes.Bad_SensorFailure, read(DROPPED_TAG).getStatusCode().getValue());
    assertTrue(read("F1.crown.T1").getStatusCode().isGood());
  }

  @Test
  void aMonitoredItemReceivesEachNewValue() throws Exception {
    OpcUaSubscription subscription = new OpcUaSubscription(client, 50.0);
    subscription.create();
    try {
      OpcUaMonitoredItem item = OpcUaMonitoredItem.newDataItem(NodeId.parse("ns=2;s=F1.gob.T"));
      item.setSamplingInterval(20.0);
      List<Instant> seen = new CopyOnWriteArrayList<>();
      item.setDataValueListener((i, v) -> seen.add(v.getSourceTime().getJavaInstant()));
      subscription.addMonitoredItem(item);
      subscription.synchronizeMonitoredItems();

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (seen.size() < 4 && System.nanoTime() < deadline) {
        tick(1);
        Thread.sleep(200);
      }

      assertTrue(seen.size() >= 4, "changes seen: " + seen);
      assertTrue(seen.get(seen.size() - 1).isAfter(seen.get(0)));
    } finally {
      subscription.delete();
    }
  }
}
