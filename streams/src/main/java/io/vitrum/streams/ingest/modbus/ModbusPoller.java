package io.vitrum.streams.ingest.modbus;

import com.digitalpetri.modbus.client.ModbusTcpClient;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadHoldingRegistersResponse;
import com.digitalpetri.modbus.pdu.ReadInputRegistersRequest;
import com.digitalpetri.modbus.pdu.ReadInputRegistersResponse;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.SourceReading;
import io.vitrum.core.rejection.Rejection;
import io.vitrum.core.rejection.RejectionCode;
import io.vitrum.streams.ingest.Inbound;
import io.vitrum.streams.ingest.SourceHandle;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.pekko.NotUsed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polls of one connection: each poll reads every block of the plan (at most {@code
 * max-in-flight} requests outstanding, by default one after the other) and yields one {@link
 * Inbound} per block. A block that gets an exception response or no response in time becomes a
 * malformed Inbound (its unit and registers in the payload) and the handle's last error; the other
 * blocks are unaffected. A lost connection fails the poll, and with it the connection.
 */
final class ModbusPoller {
  private static final Logger log = LoggerFactory.getLogger(ModbusPoller.class);

  private final ModbusTcpClient client;
  private final ModbusSettings settings;
  private final SourceHandle handle;
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  ModbusPoller(ModbusTcpClient client, ModbusSettings settings, SourceHandle handle) {
    this.client = client;
    this.settings = settings;
    this.handle = handle;
  }

  /** Reads every block of {@code plan}, stamping readings with {@code at}. */
  CompletionStage<List<Inbound<NotUsed>>> poll(PollPlan plan, Instant at) {
    if (!client.isConnected()) {
      return CompletableFuture.failedFuture(new ModbusConnectionLostException(settings.endpoint()));
    }
    List<ReadBlock> blocks = plan.blocks();
    int lanes = Math.max(1, Math.min(settings.maxInFlight(), blocks.size()));
    List<CompletableFuture<List<Inbound<NotUsed>>>> results = new ArrayList<>(lanes);
    for (int lane = 0; lane < lanes; lane++) {
      CompletableFuture<List<Inbound<NotUsed>>> chain =
          CompletableFuture.completedFuture(new ArrayList<>());
      for (int i = lane; i < blocks.size(); i += lanes) {
        ReadBlock block = blocks.get(i);
        chain = chain.thenCompose(list -> read(block, at).thenApply(in -> append(list, in)));
      }
      results.add(chain);
    }
    return CompletableFuture.allOf(results.toArray(CompletableFuture<?>[]::new))
        .thenApply(
            v -> {
              List<Inbound<NotUsed>> out = new ArrayList<>(blocks.size());
              results.forEach(r -> out.addAll(r.join()));
              return out;
            });
  }

  private static List<Inbound<NotUsed>> append(List<Inbound<NotUsed>> list, Inbound<NotUsed> in) {
    list.add(in);
    return list;
  }

  private CompletableFuture<Inbound<NotUsed>> read(ReadBlock block, Instant at) {
    CompletionStage<byte[]> response =
        block.table() == ModbusTable.HOLDING
            ? client
                .readHoldingRegistersAsync(
                    block.unit(), new ReadHoldingRegistersRequest(block.start(), block.count()))
                .thenApply(ReadHoldingRegistersResponse::registers)
            : client
                .readInputRegistersAsync(
                    block.unit(), new ReadInputRegistersRequest(block.start(), block.count()))
                .thenApply(ReadInputRegistersResponse::registers);
    return response
        .handle(
            (registers, error) -> {
              if (error == null) {
                return decoded(block, registers, at);
              }
              boolean blockProblem =
                  ModbusClients.isExceptionResponse(error)
                      || (ModbusClients.isTimeout(error) && client.isConnected());
              if (!blockProblem) {
                throw new CompletionException(ModbusClients.unwrap(error));
              }
              return malformed(block, at, ModbusClients.describe(error));
            })
        .toCompletableFuture();
  }

  private Inbound<NotUsed> decoded(ReadBlock block, byte[] registers, Instant at) {
    if (registers.length != 2 * block.count()) {
      return malformed(
          block,
          at,
          "the response carries " + registers.length + " bytes, expected " + 2 * block.count());
    }
    int[] words = new int[block.count()];
    StringBuilder payload = new StringBuilder(block.describe()).append('@').append(at).append(':');
    for (int i = 0; i < words.length; i++) {
      words[i] = ((registers[2 * i] & 0xFF) << 8) | (registers[2 * i + 1] & 0xFF);
      payload.append(' ').append(String.format("%04x", words[i]));
    }
    List<SourceReading> readings = new ArrayList<>(block.tags().size());
    for (ReadBlock.Tag t : block.tags()) {
      int offset = t.address().register() - block.start();
      int[] slice = Arrays.copyOfRange(words, offset, offset + t.address().type().registers());
      readings.add(SourceReading.good(t.tag(), at, t.address().decode(slice)));
    }
    if (failing.remove(block.describe()) && failing.isEmpty()) {
      handle.connected(settings.endpoint());
    }
    handle.received(readings.size());
    return Inbound.of(
        ModbusSource.SOURCE,
        payload.toString().getBytes(StandardCharsets.UTF_8),
        readings,
        NotUsed.getInstance());
  }

  private static String tagList(ReadBlock block) {
    List<String> tags = block.tags().stream().map(ReadBlock.Tag::tag).toList();
    return tags.size() <= 5
        ? String.join(", ", tags)
        : String.join(", ", tags.subList(0, 5)) + " and " + (tags.size() - 5) + " more";
  }

  private Inbound<NotUsed> malformed(ReadBlock block, Instant at, String problem) {
    String reason = block.describe() + ": " + problem + " (tags " + tagList(block) + ")";
    if (failing.add(block.describe())) {
      log.warn("Modbus {}: {}", settings.endpoint(), reason);
    }
    handle.failed(reason);
    return Inbound.malformed(
        ModbusSource.SOURCE,
        (block.describe() + "@" + at + ": " + problem).getBytes(StandardCharsets.UTF_8),
        Rejection.of(RejectionCode.MALFORMED_PAYLOAD, reason),
        NotUsed.getInstance());
  }
}
