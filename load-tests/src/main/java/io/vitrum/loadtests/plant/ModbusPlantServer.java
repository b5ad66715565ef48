package io.vitrum.loadtests.plant;

import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.sim.PlantWiring;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plant's Modbus TCP server (digitalpetri modbus-tcp) on 127.0.0.1: one unit id per Modbus
 * furnace ({@link PlantWiring#modbusUnit}), its readings in input registers at the addresses of the
 * tag map ({@link PlantWiring#rows}), its setpoints as float32 holding registers a client may write
 * (see {@link PlantModbusServices}). A sample lost to a dropout leaves the register at its last
 * value, as a PLC holds it.
 */
public final class ModbusPlantServer implements PlantOutput, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModbusPlantServer.class);

  private final ModbusTcpServer server;
  private final PlantModbusServices services;
  private final Map<Integer, ProcessImage> images;
  private final Map<String, ModbusAddress> inputs;
  private final Map<String, Integer> unitByFurnace;
  private final Map<String, Setpoints> published = new HashMap<>();

  private ModbusPlantServer(
      ModbusTcpServer server,
      PlantModbusServices services,
      Map<Integer, ProcessImage> images,
      Map<String, ModbusAddress> inputs,
      Map<String, Integer> unitByFurnace) {
    this.server = server;
    this.services = services;
    this.images = images;
    this.inputs = inputs;
    this.unitByFurnace = unitByFurnace;
  }

  /**
   * Starts a server on 127.0.0.1:{@code port} for the Modbus furnaces among {@code rows}, returning
   * once it listens.
   *
   * @param rows the plant's tag map ({@link PlantWiring#rows})
   * @param setpoints every furnace's setpoints now, the initial holding registers
   * @param gate where the items written to the lines' reject outputs are kicked
   */
  public static ModbusPlantServer start(
      int port,
      List<TagMapRow> rows,
      Map<String, Setpoints> setpoints,
      SetpointInbox inbox,
      RejectGate gate)
      throws Exception {
    Map<Integer, ProcessImage> images = new LinkedHashMap<>();
    Map<Integer, String> furnaceByUnit = new HashMap<>();
    Map<String, Integer> unitByFurnace = new LinkedHashMap<>();
    Map<String, ModbusAddress> inputs = new HashMap<>();
    for (TagMapRow row : rows) {
      if (row.source() != SourceKind.MODBUS) {
        continue;
      }
      int unit = PlantWiring.modbusUnit(row.furnace());
      images.computeIfAbsent(unit, u -> new ProcessImage());
      furnaceByUnit.put(unit, row.furnace());
      unitByFurnace.put(row.furnace(), unit);
      ModbusAddress address = row.modbus();
      if (!row.isWritten() && address.table() == ModbusTable.INPUT) {
        inputs.put(row.tag(), address);
      }
    }
    PlantModbusServices services = new PlantModbusServices(images, furnaceByUnit, inbox, gate);
    NettyTcpServerTransport transport =
        NettyTcpServerTransport.create(cfg -> cfg.setBindAddress("127.0.0.1").setPort(port));
    ModbusTcpServer server = ModbusTcpServer.create(transport, services);
    ModbusPlantServer plant =
        new ModbusPlantServer(server, services, images, inputs, unitByFurnace);
    plant.storeSetpoints(setpoints);
    server.start();
    log.info("Modbus TCP server listening on 127.0.0.1:{}, units {}", port, unitByFurnace);
    return plant;
  }

  @Override
  public void onTick(PlantTick tick) {
    Map<Integer, Map<Integer, byte[]>> updates = new HashMap<>();
    for (PlantStep step : tick.steps()) {
      for (Reading r : step.readings()) {
        ModbusAddress address = inputs.get(r.tag());
        if (address != null) {
          int[] words = ModbusRegisters.encode(address, r.value());
          Map<Integer, byte[]> unit = updates.computeIfAbsent(address.unit(), u -> new HashMap<>());
          for (int i = 0; i < words.length; i++) {
            unit.put(address.register() + i, ModbusRegisters.bytes(words[i]));
          }
        }
      }
    }
    updates.forEach(
        (unit, registers) ->
            images.get(unit).with(tx -> tx.writeInputRegisters(image -> image.putAll(registers))));
    storeSetpoints(tick.setpoints());
  }

  /** Stores the setpoints that changed since they were last stored. */
  private void storeSetpoints(Map<String, Setpoints> setpoints) {
    unitByFurnace.forEach(
        (furnace, unit) -> {
          Setpoints now = setpoints.get(furnace);
          Setpoints before = published.put(furnace, now);
          if (now == null || now.equals(before)) {
            return;
          }
          for (SetpointParameter p : SetpointParameter.values()) {
            if (before == null || before.get(p) != now.get(p)) {
              services.storeSetpoint(unit, p, now.get(p));
            }
          }
        });
  }

  @Override
  public void close() {
    try {
      server.stop();
      log.info("Modbus TCP server stopped");
    } catch (ExecutionException e) {
      log.warn("Modbus TCP server did not stop cleanly: {}", e.getCause().toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
