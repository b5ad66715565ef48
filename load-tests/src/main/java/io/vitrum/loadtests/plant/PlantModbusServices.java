package io.vitrum.loadtests.plant;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterRequest;
import com.digitalpetri.modbus.pdu.WriteSingleRegisterResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.server.ReadOnlyModbusServices;
import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.ModbusType;
import io.vitrum.core.ingest.WordOrder;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.sim.PlantWiring;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Modbus services of the plant: reads of input and holding registers come from each unit's
 * {@link ProcessImage}; writes (function 6 or 16) may only touch the setpoint holding registers
 * (float32 pairs at {@code 2j} for {@link SetpointParameter} ordinal {@code j}). A write whose
 * resulting setpoint is outside the safe bounds is refused whole with ILLEGAL_DATA_VALUE, one
 * beyond the setpoint table with ILLEGAL_DATA_ADDRESS, and SLAVE_DEVICE_BUSY when the inbox is
 * full. Accepted values are stored at once and queued for the simulator. The int32 pair right after
 * the setpoints ({@link PlantWiring#rejectRegister}) is the line's reject output: each item number
 * written there (function 16, both words) is kicked off the line ({@link RejectGate}).
 *
 * <p>A float32 written with two function-6 writes passes through an intermediate value, which must
 * be in bounds too: clients should write setpoints with function 16.
 */
final class PlantModbusServices extends ReadOnlyModbusServices {
  private static final int SETPOINT_REGISTERS = 2 * SetpointParameter.values().length;

  private final Map<Integer, ProcessImage> images;
  private final Map<Integer, String> furnaceByUnit;
  private final SetpointInbox inbox;
  private final RejectGate gate;

  PlantModbusServices(
      Map<Integer, ProcessImage> images,
      Map<Integer, String> furnaceByUnit,
      SetpointInbox inbox,
      RejectGate gate) {
    this.images = Map.copyOf(images);
    this.furnaceByUnit = Map.copyOf(furnaceByUnit);
    this.inbox = inbox;
    this.gate = gate;
  }

  /** The holding-register address of {@code parameter}'s float32. */
  static ModbusAddress setpointAddress(int unit, SetpointParameter parameter) {
    return new ModbusAddress(
        unit, ModbusTable.HOLDING, 2 * parameter.ordinal(), ModbusType.FLOAT32, 1, WordOrder.ABCD);
  }

  @Override
  protected Optional<ProcessImage> getProcessImage(int unitId) {
    return Optional.ofNullable(images.get(unitId));
  }

  @Override
  public WriteSingleRegisterResponse writeSingleRegister(
      ModbusRequestContext context, int unitId, WriteSingleRegisterRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    write(
        unitId, request.address(), new int[] {request.value()}, FunctionCode.WRITE_SINGLE_REGISTER);
    return new WriteSingleRegisterResponse(request.address(), request.value());
  }

  @Override
  public WriteMultipleRegistersResponse writeMultipleRegisters(
      ModbusRequestContext context, int unitId, WriteMultipleRegistersRequest request)
      throws ModbusResponseException, UnknownUnitIdException {
    byte[] values = request.values();
    int[] words = new int[request.quantity()];
    if (values.length < 2 * words.length) {
      throw new ModbusResponseException(
          FunctionCode.WRITE_MULTIPLE_REGISTERS, ExceptionCode.ILLEGAL_DATA_VALUE);
    }
    for (int i = 0; i < words.length; i++) {
      words[i] = ((values[2 * i] & 0xFF) << 8) | (values[2 * i + 1] & 0xFF);
    }
    write(unitId, request.address(), words, FunctionCode.WRITE_MULTIPLE_REGISTERS);
    return new WriteMultipleRegistersResponse(request.address(), request.quantity());
  }

  private synchronized void write(int unitId, int address, int[] words, FunctionCode function)
      throws ModbusResponseException, UnknownUnitIdException {
    ProcessImage image = images.get(unitId);
    String furnace = furnaceByUnit.get(unitId);
    if (image == null || furnace == null) {
      throw new UnknownUnitIdException(unitId);
    }
    if (address == PlantWiring.rejectRegister() && words.length == 2) {
      long item = ((long) (words[0] & 0xFFFF) << 16 | (words[1] & 0xFFFF));
      if (item > Integer.MAX_VALUE) {
        throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_VALUE);
      }
      gate.kick(furnace, item);
      storeWords(image, address, words);
      return;
    }
    if (words.length == 0 || address < 0 || address + words.length > SETPOINT_REGISTERS) {
      throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_ADDRESS);
    }
    Map<Integer, Integer> after = new HashMap<>();
    image.with(
        tx ->
            tx.readHoldingRegisters(
                registers -> {
                  for (int r = 0; r < SETPOINT_REGISTERS; r++) {
                    after.put(r, ModbusRegisters.word(registers.getOrDefault(r, new byte[2])));
                  }
                  return null;
                }));
    for (int i = 0; i < words.length; i++) {
      after.put(address + i, words[i] & 0xFFFF);
    }
    Map<SetpointParameter, Double> changes = new LinkedHashMap<>();
    for (int r = address - (address % 2); r < address + words.length; r += 2) {
      SetpointParameter p = SetpointParameter.values()[r / 2];
      double value = setpointAddress(unitId, p).decode(new int[] {after.get(r), after.get(r + 1)});
      if (!p.withinBounds(value)) {
        throw new ModbusResponseException(function, ExceptionCode.ILLEGAL_DATA_VALUE);
      }
      changes.put(p, value);
    }
    for (Map.Entry<SetpointParameter, Double> c : changes.entrySet()) {
      if (inbox.submit(furnace, c.getKey(), c.getValue(), "modbus")
          != SetpointInbox.Verdict.ACCEPTED) {
        throw new ModbusResponseException(function, ExceptionCode.SLAVE_DEVICE_BUSY);
      }
    }
    storeWords(image, address, words);
  }

  private static void storeWords(ProcessImage image, int address, int[] words) {
    image.with(
        tx ->
            tx.writeHoldingRegisters(
                registers -> {
                  for (int i = 0; i < words.length; i++) {
                    registers.put(address + i, ModbusRegisters.bytes(words[i]));
                  }
                }));
  }

  /** Stores setpoint registers the simulator now runs under; on the simulation thread. */
  synchronized void storeSetpoint(int unitId, SetpointParameter parameter, double value) {
    int[] words = setpointAddress(unitId, parameter).encode(value);
    int register = 2 * parameter.ordinal();
    images
        .get(unitId)
        .with(
            tx ->
                tx.writeHoldingRegisters(
                    registers -> {
                      registers.put(register, ModbusRegisters.bytes(words[0]));
                      registers.put(register + 1, ModbusRegisters.bytes(words[1]));
                    }));
  }
}
