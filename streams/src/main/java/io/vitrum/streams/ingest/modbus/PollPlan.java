package io.vitrum.streams.ingest.modbus;

import io.vitrum.core.ingest.ModbusAddress;
import io.vitrum.core.ingest.ModbusTable;
import io.vitrum.core.ingest.SourceKind;
import io.vitrum.core.ingest.TagMapRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The read requests of one poll: the tag map's Modbus sensor rows grouped by unit and table, sorted
 * by register, and cut into as few requests as possible. A request grows while the next row still
 * fits within {@code maxRegisters} and its gap to the request's end is at most {@code maxGap}
 * registers; rows may overlap. Rows whose address does not parse are left out (the tag map already
 * refuses them).
 *
 * @param blocks the requests, by unit, table, then register
 */
record PollPlan(List<ReadBlock> blocks) {

  PollPlan {
    blocks = List.copyOf(blocks);
  }

  /** The plan for {@code rows} (non-Modbus and setpoint rows are ignored). */
  static PollPlan of(List<TagMapRow> rows, int maxRegisters, int maxGap) {
    record Key(int unit, ModbusTable table) {}
    Map<Key, List<ReadBlock.Tag>> groups =
        new TreeMap<>(Comparator.comparingInt(Key::unit).thenComparing(Key::table));
    for (TagMapRow row : rows) {
      if (row.source() != SourceKind.MODBUS || row.isWritten()) {
        continue;
      }
      ModbusAddress a;
      try {
        a = row.modbus();
      } catch (IllegalArgumentException e) {
        continue;
      }
      groups
          .computeIfAbsent(new Key(a.unit(), a.table()), k -> new ArrayList<>())
          .add(new ReadBlock.Tag(row.tag(), a));
    }
    List<ReadBlock> blocks = new ArrayList<>();
    groups.forEach(
        (key, tags) -> {
          tags.sort(Comparator.comparingInt((ReadBlock.Tag t) -> t.address().register()));
          int start = -1;
          int end = -1;
          List<ReadBlock.Tag> members = new ArrayList<>();
          for (ReadBlock.Tag t : tags) {
            int from = t.address().register();
            int to = from + t.address().type().registers();
            boolean fits =
                start >= 0 && from - end <= maxGap && Math.max(end, to) - start <= maxRegisters;
            if (!fits) {
              if (start >= 0) {
                blocks.add(new ReadBlock(key.unit(), key.table(), start, end - start, members));
              }
              start = from;
              end = to;
              members = new ArrayList<>();
            }
            end = Math.max(end, to);
            members.add(t);
          }
          if (start >= 0) {
            blocks.add(new ReadBlock(key.unit(), key.table(), start, end - start, members));
          }
        });
    return new PollPlan(blocks);
  }

  /** How many tags the plan reads. */
  int tags() {
    return blocks.stream().mapToInt(b -> b.tags().size()).sum();
  }
}
