package io.vitrum.core.ingest;

import io.vitrum.core.plant.SensorConfig;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The integrator's statement of what to read and where to write: CSV with the header {@code
 * tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address} (in any order; extra columns are
 * allowed and ignored). Fields may be double-quoted. Parsing keeps every good row and names every
 * bad one with its line and reason. Immutable.
 */
public final class TagMap {
  /** The columns every tag map has. */
  public static final List<String> COLUMNS =
      List.of("tag", "furnace", "unit", "min", "max", "alarmLow", "alarmHigh", "source", "address");

  /** No rows. */
  public static final TagMap EMPTY = new TagMap(Map.of());

  private final Map<String, TagMapRow> rows;

  private TagMap(Map<String, TagMapRow> rows) {
    this.rows = rows;
  }

  /**
   * The rows of a parsed file, and the refused ones.
   *
   * @param rows the good rows, in file order
   * @param errors the refused rows, in file order
   */
  public record Parsed(List<TagMapRow> rows, List<TagMapError> errors) {
    public Parsed {
      rows = List.copyOf(rows);
      errors = List.copyOf(errors);
    }

    /** A map of the good rows. */
    public TagMap toMap() {
      return EMPTY.with(rows);
    }
  }

  /** Parses CSV text. A missing or incomplete header refuses the whole file (line 1). */
  public static Parsed parse(String csv) {
    String[] lines = csv.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
    if (lines.length == 0 || lines[0].isBlank()) {
      return new Parsed(List.of(), List.of(new TagMapError(1, "", "the header line is missing")));
    }
    List<String> header = fields(stripBom(lines[0]));
    Map<String, Integer> column = new HashMap<>();
    for (int i = 0; i < header.size(); i++) {
      column.putIfAbsent(header.get(i).trim(), i);
    }
    List<String> missing = COLUMNS.stream().filter(c -> !column.containsKey(c)).toList();
    if (!missing.isEmpty()) {
      return new Parsed(
          List.of(), List.of(new TagMapError(1, "", "the header lacks the columns " + missing)));
    }
    List<TagMapRow> good = new ArrayList<>();
    List<TagMapError> errors = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 1; i < lines.length; i++) {
      int line = i + 1;
      if (lines[i].isBlank() || lines[i].startsWith("#")) {
        continue;
      }
      List<String> f = fields(lines[i]);
      String tag = f.size() > column.get("tag") ? f.get(column.get("tag")).trim() : "";
      try {
        TagMapRow row = row(line, f, column);
        if (!seen.add(row.tag())) {
          throw new IllegalArgumentException("tag " + row.tag() + " appears more than once");
        }
        good.add(row);
      } catch (IllegalArgumentException e) {
        errors.add(new TagMapError(line, tag, e.getMessage()));
      }
    }
    return new Parsed(good, errors);
  }

  /** This map with {@code added} rows added or replacing those with the same tag. */
  public TagMap with(Collection<TagMapRow> added) {
    Map<String, TagMapRow> next = new LinkedHashMap<>(rows);
    for (TagMapRow row : added) {
      next.put(row.tag(), row);
    }
    return new TagMap(java.util.Collections.unmodifiableMap(next));
  }

  /** The row of {@code tag}. */
  public Optional<TagMapRow> row(String tag) {
    return Optional.ofNullable(rows.get(tag));
  }

  /** Every row, in insertion order. */
  public Collection<TagMapRow> rows() {
    return rows.values();
  }

  /** The rows that are read (not setpoint or reject output rows). */
  public List<TagMapRow> sensors() {
    return rows.values().stream().filter(r -> !r.isWritten()).toList();
  }

  /** The rows read from {@code source}. */
  public List<TagMapRow> sensors(SourceKind source) {
    return sensors().stream().filter(r -> r.source() == source).toList();
  }

  /** Where {@code furnace}'s {@code parameter} is written, if the map says. */
  public Optional<TagMapRow> setpointTarget(String furnace, SetpointParameter parameter) {
    return row(TagId.of(furnace, TagMapRow.SETPOINT_AREA, parameter.key()));
  }

  /**
   * Where the reject decisions of {@code furnace}'s inspection line {@code line} go, if the map
   * says.
   */
  public Optional<TagMapRow> rejectOutput(String furnace, String line) {
    return TagId.isValid(furnace + "." + TagMapRow.REJECT_AREA + "." + line)
        ? row(TagId.of(furnace, TagMapRow.REJECT_AREA, line))
        : Optional.empty();
  }

  /** The map as CSV with the standard header, one row per line, in insertion order. */
  public String toCsv() {
    StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
    for (TagMapRow r : rows.values()) {
      out.append(
              String.join(
                  ",",
                  field(r.tag()),
                  field(r.furnace()),
                  field(r.unit()),
                  number(r.min()),
                  number(r.max()),
                  r.alarmLow() == null ? "" : number(r.alarmLow()),
                  r.alarmHigh() == null ? "" : number(r.alarmHigh()),
                  r.source().key(),
                  field(r.address())))
          .append('\n');
    }
    return out.toString();
  }

  private static String field(String text) {
    return text.contains(",") || text.contains("\"") || text.contains("\n")
        ? '"' + text.replace("\"", "\"\"") + '"'
        : text;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Number of rows. */
  public int size() {
    return rows.size();
  }

  private static TagMapRow row(int line, List<String> f, Map<String, Integer> column) {
    if (f.size() < COLUMNS.stream().mapToInt(column::get).max().orElse(0) + 1) {
      throw new IllegalArgumentException(
          "expected at least " + COLUMNS.size() + " fields, found " + f.size());
    }
    String tag = get(f, column, "tag");
    if (!TagId.isValid(tag)) {
      throw new IllegalArgumentException("'" + tag + "' is not a tag id <furnace>.<area>.<point>");
    }
    String furnace = get(f, column, "furnace");
    String unit = get(f, column, "unit");
    double min = number(get(f, column, "min"), "min");
    double max = number(get(f, column, "max"), "max");
    Double low = optionalNumber(get(f, column, "alarmLow"), "alarmLow");
    Double high = optionalNumber(get(f, column, "alarmHigh"), "alarmHigh");
    String sourceText = get(f, column, "source");
    SourceKind source =
        SourceKind.byKey(sourceText)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "source '" + sourceText + "' is not one of opcua, mqtt, kafka, modbus"));
    String address = get(f, column, "address");
    TagMapRow row = new TagMapRow(line, tag, furnace, unit, min, max, low, high, source, address);
    SensorConfig config = row.sensorConfig();
    List<String> problems = config.problems(tag);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    String[] parts = tag.split("\\.");
    if (parts[1].equals(TagMapRow.SETPOINT_AREA)) {
      SetpointParameter p =
          SetpointParameter.byKey(parts[2])
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "'" + parts[2] + "' is not a setpoint parameter"));
      if (source == SourceKind.KAFKA) {
        throw new IllegalArgumentException("setpoints are written over opcua, mqtt or modbus");
      }
      if (!unit.equals(p.unit())) {
        throw new IllegalArgumentException(p.key() + " is in " + p.unit() + ", not " + unit);
      }
    }
    if (parts[1].equals(TagMapRow.REJECT_AREA)
        && source != SourceKind.OPCUA
        && source != SourceKind.MODBUS) {
      throw new IllegalArgumentException("a reject output is written over opcua or modbus");
    }
    switch (source) {
      case OPCUA -> {
        if (address.isBlank()) {
          throw new IllegalArgumentException("an opcua row needs a node id, e.g. ns=2;s=" + tag);
        }
      }
      case MODBUS -> {
        if (address.isBlank()) {
          throw new IllegalArgumentException(
              "a modbus row needs an address, e.g. unit=1;holding=0;type=float32");
        }
        ModbusAddress parsed;
        try {
          parsed = ModbusAddress.parse(address);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("modbus address: " + e.getMessage());
        }
        if (row.isSetpoint() && parsed.table() != ModbusTable.HOLDING) {
          throw new IllegalArgumentException("a setpoint is written to a holding register");
        }
        if (row.isRejectOutput() && parsed.table() != ModbusTable.HOLDING) {
          throw new IllegalArgumentException("a reject output is written to a holding register");
        }
      }
      case MQTT, KAFKA -> {}
    }
    return row;
  }

  private static String get(List<String> f, Map<String, Integer> column, String name) {
    return f.get(column.get(name)).trim();
  }

  private static double number(String text, String name) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + text + "' is not a number");
    }
  }

  private static Double optionalNumber(String text, String name) {
    return text.isEmpty() ? null : number(text, name);
  }

  private static String stripBom(String line) {
    return line.startsWith("\uFEFF") ? line.substring(1) : line;
  }

  /** Splits one CSV line; a field in double quotes may hold commas and doubled quotes. */
  static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    out.add(field.toString());
    return out;
  }
}
