package io.vitrum.core.sim;

import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.TagSpec;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a training and evaluation dataset from one simulation run:
 *
 * <ul>
 *   <li>{@code tags.csv}: {@code tag,quantity,unit,min,max,sampling_s}
 *   <li>{@code readings.csv}: {@code ts,tag,value} (ISO-8601 UTC), in simulated-time order
 *   <li>{@code defects.jsonl}: rejected items with class and true cause
 *   <li>{@code faults.jsonl}: the injected faults with their ground-truth root cause
 *   <li>{@code frames/NNNNNN.pgm} and {@code frames/labels.jsonl}: inspection images, balanced over
 *       the classes, each defect image tied to a defect of the run where one exists
 *   <li>{@code manifest.json}: the arguments and counts
 * </ul>
 *
 * <p>Usage: {@code java -cp vitrum-core.jar io.vitrum.core.sim.DatasetExport --furnaces 2 --hours 6
 * --seed 42 --out dataset --frames 5000}. Same arguments, byte-identical files.
 */
public final class DatasetExport {

  private static final long FRAME_SALT = 0x5EED_F4A3_E5L;
  private static final int EXIT_USAGE = 2;

  private DatasetExport() {}

  /** Runs the export; prints a summary, or the usage and exit status 2 on bad arguments. */
  public static void main(String[] args) throws IOException {
    ExportOptions options;
    try {
      options = ExportOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(ExportOptions.USAGE);
      System.exit(EXIT_USAGE);
      return;
    }
    ExportSummary summary = run(options);
    System.out.printf(
        "wrote %d readings, %d defects, %d faults, %d frames to %s%n",
        summary.readings(), summary.defects(), summary.faults(), summary.frames(), summary.out());
  }

  /** Simulates the run {@code options} describe and writes its files. */
  public static ExportSummary run(ExportOptions options) throws IOException {
    SimulatorConfig base =
        SimulatorConfig.of(options.furnaces(), options.seed())
            .withItemsPerMinute(options.itemsPerMinute());
    FaultSchedule faults =
        options.randomFaults()
            ? FaultSchedule.random(base.furnaces(), base.start(), options.span(), options.seed())
            : FaultSchedule.NONE;
    PlantSimulator simulator = new PlantSimulator(base.withFaults(faults));
    Path out = options.out();
    Files.createDirectories(out);
    List<String> files = new ArrayList<>();

    writeTags(out.resolve("tags.csv"), simulator.tags());
    files.add("tags.csv");
    Map<InspectionClass, List<DefectEvent>> defectsByClass = new EnumMap<>(InspectionClass.class);
    long[] counts = new long[2];
    try (BufferedWriter readings = writer(out.resolve("readings.csv"));
        BufferedWriter defects = writer(out.resolve("defects.jsonl"))) {
      readings.write("ts,tag,value\n");
      simulator.advance(
          options.span(),
          new SimulationListener() {
            @Override
            public void onReading(Reading r) {
              write(readings, r.ts() + "," + r.tag() + "," + r.value() + "\n");
              counts[0]++;
            }

            @Override
            public void onDefect(DefectEvent d) {
              write(defects, defectJson(d) + "\n");
              defectsByClass.computeIfAbsent(d.defectClass(), c -> new ArrayList<>()).add(d);
              counts[1]++;
            }
          });
    }
    files.add("readings.csv");
    files.add("defects.jsonl");

    try (BufferedWriter writer = writer(out.resolve("faults.jsonl"))) {
      for (FaultScenario s : faults.scenarios()) {
        writer.write(faultJson(s) + "\n");
      }
    }
    files.add("faults.jsonl");

    if (options.frames() > 0) {
      writeFrames(out.resolve("frames"), options, defectsByClass);
      files.add("frames/labels.jsonl");
    }
    writeManifest(out.resolve("manifest.json"), options, counts, faults.scenarios().size());
    files.add("manifest.json");
    return new ExportSummary(
        out, counts[0], counts[1], faults.scenarios().size(), options.frames(), files);
  }

  private static void writeTags(Path file, List<TagSpec> tags) throws IOException {
    try (BufferedWriter writer = writer(file)) {
      writer.write("tag,quantity,unit,min,max,sampling_s\n");
      for (TagSpec t : tags) {
        writer.write(
            String.join(
                    ",",
                    t.tag(),
                    t.quantity(),
                    t.unit(),
                    Double.toString(t.min()),
                    Double.toString(t.max()),
                    Long.toString(t.sampling().toSeconds()))
                + "\n");
      }
    }
  }

  private static void writeFrames(
      Path dir, ExportOptions options, Map<InspectionClass, List<DefectEvent>> defectsByClass)
      throws IOException {
    Files.createDirectories(dir);
    FrameRenderer renderer = new FrameRenderer();
    SplittableRandom seeds = new SplittableRandom(options.seed() ^ FRAME_SALT);
    InspectionClass[] classes = InspectionClass.values();
    try (BufferedWriter labels = writer(dir.resolve("labels.jsonl"))) {
      for (int i = 0; i < options.frames(); i++) {
        InspectionClass defectClass = classes[i % classes.length];
        InspectionFrame frame = renderer.render(defectClass, seeds.nextLong());
        String name = String.format("%06d.pgm", i);
        Files.write(dir.resolve(name), Pgm.encode(frame));
        List<DefectEvent> events = defectsByClass.getOrDefault(defectClass, List.of());
        DefectEvent source =
            events.isEmpty() ? null : events.get((i / classes.length) % events.size());
        labels.write(frameJson(name, frame, source) + "\n");
      }
    }
  }

  private static void writeManifest(Path file, ExportOptions options, long[] counts, int faults)
      throws IOException {
    String json =
        "{\"furnaces\":"
            + options.furnaces()
            + ",\"hours\":"
            + Json.number(options.hours())
            + ",\"seed\":"
            + options.seed()
            + ",\"itemsPerMinute\":"
            + Json.number(options.itemsPerMinute())
            + ",\"randomFaults\":"
            + options.randomFaults()
            + ",\"readings\":"
            + counts[0]
            + ",\"defects\":"
            + counts[1]
            + ",\"faults\":"
            + faults
            + ",\"frames\":"
            + options.frames()
            + ",\"frameSize\":"
            + FrameRenderer.DEFAULT_SIZE
            + "}\n";
    Files.writeString(file, json, StandardCharsets.UTF_8);
  }

  static String defectJson(DefectEvent d) {
    return "{\"furnace\":"
        + Json.string(d.furnace())
        + ",\"ts\":"
        + Json.string(d.ts().toString())
        + ",\"class\":"
        + Json.string(d.defectClass().label())
        + ",\"cause\":"
        + Json.string(d.trueCause())
        + "}";
  }

  static String faultJson(FaultScenario s) {
    return "{\"furnace\":"
        + Json.string(s.furnace())
        + ",\"kind\":"
        + Json.string(s.kind().key())
        + ",\"start\":"
        + Json.string(s.start().toString())
        + ",\"end\":"
        + Json.string(s.end().toString())
        + ",\"rampSeconds\":"
        + s.ramp().toSeconds()
        + ",\"magnitude\":"
        + Json.number(s.magnitude())
        + ",\"tag\":"
        + (s.tag() == null ? "null" : Json.string(s.tag()))
        + ",\"rootCause\":"
        + Json.string(s.rootCause())
        + "}";
  }

  private static String frameJson(String file, InspectionFrame frame, DefectEvent source) {
    BoundingBox b = frame.box();
    return "{\"file\":"
        + Json.string(file)
        + ",\"class\":"
        + Json.string(frame.defectClass().label())
        + ",\"bbox\":["
        + b.x()
        + ","
        + b.y()
        + ","
        + b.width()
        + ","
        + b.height()
        + "],\"furnace\":"
        + (source == null ? "null" : Json.string(source.furnace()))
        + ",\"ts\":"
        + (source == null ? "null" : Json.string(source.ts().toString()))
        + ",\"cause\":"
        + (source == null ? "null" : Json.string(source.trueCause()))
        + "}";
  }

  private static BufferedWriter writer(Path file) throws IOException {
    return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  private static void write(Writer writer, String text) {
    try {
      writer.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
