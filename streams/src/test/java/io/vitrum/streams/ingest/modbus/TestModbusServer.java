package io.vitrum.streams.ingest.modbus;

import com.digitalpetri.modbus.ExceptionCode;
import com.digitalpetri.modbus.FunctionCode;
import com.digitalpetri.modbus.exceptions.ModbusResponseException;
import com.digitalpetri.modbus.exceptions.UnknownUnitIdException;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersRequest;
import com.digitalpetri.modbus.pdu.WriteMultipleRegistersResponse;
import com.digitalpetri.modbus.server.ModbusRequestContext;
import com.digitalpetri.modbus.server.ModbusServices;
import com.digitalpetri.modbus.server.ModbusTcpServer;
import com.digitalpetri.modbus.server.ProcessImage;
import com.digitalpetri.modbus.server.ReadWriteModbusServices;
import com.digitalpetri.modbus.tcp.server.NettyTcpServerTransport;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.streams.ingest.testsupport.FreePorts;
import io.vitrum.streams.ingest.testsupport.QuietLogs;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An in-test digitalpetri Modbus TCP server on 127.0.0.1: one process image per unit id, request
 * counters, and injectable exception responses (for reads covering a register, for writes). Units
 * it does not know get no answer (the client times out). It can stop and start again on the same
 * port, keeping the images.
 */
final class TestModbusServer implements AutoCloseable {
  private final int port = FreePorts.pick();
  private final Map<Integer, ProcessImage> images = new ConcurrentHashMap<>();
  private final Map<String, ExceptionCode> readFailures = new ConcurrentHashMap<>();
  private final AtomicReference<ExceptionCode> writeFailure = new AtomicReference<>();
  private final AtomicInteger reads = new AtomicInteger();
  private final AtomicInteger writes = new AtomicInteger();
  private volatile ModbusTcpServer server;

  TestModbusServer(int... units) {
    QuietLogs.apply();
    for (int u : units) {
      images.put(u, new ProcessImage());
    }
  }

  /** Starts (or starts again on the same port). */
  synchronized TestModbusServer start() throws Exception {
    NettyTcpServerTransport transport =
        NettyTcpServerTransport.create(
            cfg -> {
              cfg.setBindAddress("127.0.0.1");
              cfg.setPort(port);
            });
    ModbusTcpServer s = ModbusTcpServer.create(transport, new Services());
    s.start();
    server = s;
    return this;
  }

  /** Stops; connected clients are disconnected. */
  synchronized void stop() throws Exception {
    ModbusTcpServer s = server;
    server = null;
    if (s != null) {
      s.stop();
    }
  }

  @Override
  public void close() throws Exception {
    stop();
  }

  int port() {
    return port;
  }

  /** Sets 16-bit registers from {@code start}. */
  void set(int unit, ModbusTable table, int start, int... words) {
    images
        .get(unit)
        .with(
            tx -> {
              java.util.function.Consumer<Map<Integer, byte[]>> write =
                  map -> {
                    for (int i = 0; i < words.length; i++) {
                      map.put(start + i, new byte[] {(byte) (words[i] >>> 8), (byte) words[i]});
                    }
                  };
              if (table == ModbusTable.HOLDING) {
                tx.writeHoldingRegisters(write);
              } else {
                tx.writeInputRegisters(write);
              }
            });
  }

  /** The holding registers {@code start..start+count-1} of {@code unit}. */
  int[] holding(int unit, int start, int count) {
    return images
        .get(unit)
        .get(
            tx ->
                tx.readHoldingRegisters(
                    map -> {
                      int[] out = new int[count];
                      for (int i = 0; i < count; i++) {
                        byte[] b = map.getOrDefault(start + i, new byte[2]);
                        out[i] = ((b[0] & 0xFF) << 8) | (b[1] & 0xFF);
                      }
                      return out;
                    }));
  }

  /**
   * Reads of {@code unit}'s {@code table} that cover {@code register} get {@code code} ({@code
   * null}: they succeed again).
   */
  void failReads(int unit, ModbusTable table, int register, ExceptionCode code) {
    String key = unit + "/" + table + "/" + register;
    if (code == null) {
      readFailures.remove(key);
    } else {
      readFailures.put(key, code);
    }
  }

  /** Writes get {@code code} ({@code null}: they succeed). */
  void failWrites(ExceptionCode code) {
    writeFailure.set(code);
  }

  /** Read requests answered or refused so far. */
  int reads() {
    return reads.get();
  }

  /** Write requests so far. */
  int writes() {
    return writes.get();
  }

  private void refuseIfAsked(int unit, ModbusTable table, int fc, int address, int quantity)
      throws ModbusResponseException {
    for (int r = address; r < address + quantity; r++) {
      ExceptionCode code = readFailures.get(unit + "/" + table + "/" + r);
      if (code != null) {
        throw new ModbusResponseException(fc, code.getCode());
      }
    }
  }

  private final class Services implements ModbusServices {
    private final ReadWriteModbusServices delegate =
        new ReadWriteModbusServices() {
          @Override
          protected Optional<ProcessImage> getProcessImage(int unitId) {
            return Optional.ofNullable(images.get(unitId));
          }
        };

    @Override
    public ReadInputRegistersResponse readInputRegisters(
        ModbusRequestContext context, int unitId, ReadInputRegistersRequest request)
        throws ModbusResponseException, UnknownUnitIdException {
      reads.incrementAndGet();
      refuseIfAsked(
          unitId,
          ModbusTable.INPUT,
          FunctionCode.READ_INPUT_REGISTERS.getCode(),
          request.address(),
          request.quantity());
      return delegate.readInputRegisters(context, unitId, request);
    }

    @Override
    public ReadHoldingRegistersResponse readHoldingRegisters(
        ModbusRequestContext context, int unitId, ReadHoldingRegistersRequest request)
        throws ModbusResponseException, UnknownUnitIdException {
      reads.incrementAndGet();
      refuseIfAsked(
          unitId,
          ModbusTable.HOLDING,
          FunctionCode.READ_HOLDING_REGISTERS.getCode(),
          request.address(),
          request.quantity());
      return delegate.readHoldingRegisters(context, unitId, request);
    }

    @Override
    public WriteMultipleRegistersResponse writeMultipleRegisters(
        ModbusRequestContext context, int unitId, WriteMultipleRegistersRequest request)
        throws ModbusResponseException, UnknownUnitIdException {
      writes.incrementAndGet();
      ExceptionCode code = writeFailure.get();
      if (code != null) {
        throw new ModbusResponseException(FunctionCode.WRITE_MULTIPLE_REGISTERS, code);
      }
      return delegate.writeMultipleRegisters(context, unitId, request);
    }
  }
}
