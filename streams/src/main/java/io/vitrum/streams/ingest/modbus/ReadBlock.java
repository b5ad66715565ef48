package io.vitrum.streams.ingest.modbus;

import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.ModbusTable;
import java.util.List;
import java.util.Locale;

/**
 * One read request of a poll: {@code count} registers from {@code start} of one unit's table, and
 * the tags that live in them.
 *
 * @param unit the unit id
 * @param table holding or input registers
 * @param start the first register
 * @param count how many registers (1-125)
 * @param tags the tags decoded from the response, with their addresses
 */
record ReadBlock(int unit, ModbusTable table, int start, int count, List<Tag> tags) {

  /** A tag read in this block. */
  record Tag(String tag, ModbusAddress address) {}

  ReadBlock {
    tags = List.copyOf(tags);
  }

  /** One past the last register. */
  int end() {
    return start + count;
  }

  /** {@code unit=1 input=0..9}, as payloads and errors name the block. */
  String describe() {
    return "unit="
        + unit
        + " "
        + table.name().toLowerCase(Locale.ROOT)
        + "="
        + start
        + ".."
        + (end() - 1)
        + " ("
        + count
        + " registers)";
  }
}
