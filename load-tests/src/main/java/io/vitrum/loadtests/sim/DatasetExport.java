package io.vitrum.loadtests.sim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.typesafe.config.ConfigFactory;
import io.vitrum.core.features.FeatureSchema;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.BoundingBox;
import io.vitrum.core.sim.DefectEvent;
import io.vitrum.core.sim.FaultScenario;
import io.vitrum.core.sim.FaultSchedule;
import io.vitrum.core.sim.FrameRenderer;
import io.vitrum.core.sim.InspectionClass;
import io.vitrum.core.sim.InspectionFrame;
import io.vitrum.core.sim.Pgm;
import io.vitrum.core.sim.PlantSimulator;
import io.vitrum.core.sim.SimulationListener;
import io.vitrum.core.sim.SimulatorConfig;
import io.vitrum.streams.features.FeatureSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes a training and evaluation dataset from one simulation run of the core {@link
 * PlantSimulator}:
 *
 * <ul>
 *   <li>{@code tags.csv}: {@code tag,quantity,unit,min,max,sampling_s}
 *   <li>{@code readings.csv}: {@code ts,tag,value} (ISO-8601 UTC), in simulated-time order
 *   <li>{@code defects.jsonl}: rejected items with class and true cause
 *   <li>{@code faults.jsonl}: the injected faults with their ground-truth root cause
 *   <li>{@code frames/NNNNNN.pgm} and {@code frames/labels.jsonl}: inspection images, balanced over
 *       the classes, each defect image tied to a defect of the run where one exists
 *   <li>{@code features/<furnace>.csv} (with {@code --features-every-s}): the engine's feature
 *       vectors, see {@link FeatureCsv}
 *   <li>{@code manifest.json}: the arguments and counts
 * </ul>
 *
 * <p>The JSON lines are the records below, written by Jackson in their declared key order;
 * timestamps are ISO-8601 instants and non-finite numbers are {@code null}. Training scripts read
 * these files: add fields only, never rename or reorder one.
 *
 * <p>Usage, after {@code mvn -B -q package -DskipTests}: {@code java -cp
 * "load-tests/target/classes:$(cat load-tests/target/runtime.classpath)"
 * io.vitrum.loadtests.sim.DatasetExport --furnaces 2 --hours 6 --seed 42 --out dataset --frames
 * 5000}. Same arguments, byte-identical files.
 */
public final class DatasetExport {

  private static final long FRAME_SALT = 0x5EED_F4A3_E5L;
  private static final int EXIT_USAGE = 2;
  private static final ObjectWriter JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build()
          .writer();

  private DatasetExport() {}

  /** One line of {@code defects.jsonl}. */
  @JsonPropertyOrder({"furnace", "ts", "class", "cause"})
  record DefectLine(
      String furnace, Instant ts, @JsonProperty("class") String inspectionClass, String cause) {
    static DefectLine of(DefectEvent d) {
      return new DefectLine(d.furnace(), d.ts(), d.defectClass().label(), d.trueCause());
    }
  }

  /** One line of {@code faults.jsonl}. */
  @JsonPropertyOrder({
    "furnace",
    "kind",
    "start",
    "end",
    "rampSeconds",
    "magnitude",
    "tag",
    "rootCause"
  })
  record FaultLine(
      String furnace,
      String kind,
      Instant start,
      Instant end,
      long rampSeconds,
      Double magnitude,
      String tag,
      String rootCause) {
    static FaultLine of(FaultScenario s) {
      return new FaultLine(
          s.furnace(),
          s.kind().key(),
          s.start(),
          s.end(),
          s.ramp().toSeconds(),
          finiteOrNull(s.magnitude()),
          s.tag(),
          s.rootCause());
    }
  }

  /**
   * One line of {@code frames/labels.jsonl}: the image file, its class, the defect's box as {@code
   * [x, y, width, height]}, and the defect of the run it stands for ({@code null}s when none).
   */
  @JsonPropertyOrder({"file", "class", "bbox", "furnace", "ts", "cause"})
  record FrameLabel(
      String file,
      @JsonProperty("class") String inspectionClass,
      int[] bbox,
      String furnace,
      Instant ts,
      String cause) {
    static FrameLabel of(String file, InspectionFrame frame, DefectEvent source) {
      BoundingBox b = frame.box();
      return new FrameLabel(
          file,
          frame.defectClass().label(),
          new int[] {b.x(), b.y(), b.width(), b.height()},
          source == null ? null : source.furnace(),
          source == null ? null : source.ts(),
          source == null ? null : source.trueCause());
    }
  }

  /** {@code manifest.json}: the arguments of the run and what it wrote. */
  @JsonPropertyOrder({
    "furnaces",
    "hours",
    "seed",
    "itemsPerMinute",
    "randomFaults",
    "readings",
    "defects",
    "faults",
    "frames",
    "frameSize",
    "featureVectors",
    "featureSchemaVersion",
    "featuresEverySeconds"
  })
  record Manifest(
      int furnaces,
      Double hours,
      long seed,
      Double itemsPerMinute,
      boolean randomFaults,
      long readings,
      long defects,
      int faults,
      int frames,
      int frameSize,
      long featureVectors,
      int featureSchemaVersion,
      long featuresEverySeconds) {}

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
    long featureVectors;
    FeatureSchema schema = FeatureSettings.create(ConfigFactory.load()).schema();
    long everyMillis = options.featuresEvery().toMillis();
    try (BufferedWriter readings = writer(out.resolve("readings.csv"));
        BufferedWriter defects = writer(out.resolve("defects.jsonl"));
        FeatureCsv features =
            new FeatureCsv(out.resolve("features"), schema, everyMillis, simulator.tags())) {
      readings.write("ts,tag,value\n");
      simulator.advance(
          options.span(),
          new SimulationListener() {
            @Override
            public void onReading(Reading r) {
              write(readings, r.ts() + "," + r.tag() + "," + r.value() + "\n");
              counts[0]++;
              if (everyMillis > 0) {
                features.accept(r);
              }
            }

            @Override
            public void onDefect(DefectEvent d) {
              write(defects, jsonLine(DefectLine.of(d)));
              defectsByClass.computeIfAbsent(d.defectClass(), c -> new ArrayList<>()).add(d);
              counts[1]++;
            }
          });
      featureVectors = features.written();
    }
    files.add("readings.csv");
    files.add("defects.jsonl");

    try (BufferedWriter writer = writer(out.resolve("faults.jsonl"))) {
      for (FaultScenario s : faults.scenarios()) {
        writer.write(jsonLine(FaultLine.of(s)));
      }
    }
    files.add("faults.jsonl");

    if (options.frames() > 0) {
      writeFrames(out.resolve("frames"), options, defectsByClass);
      files.add("frames/labels.jsonl");
    }
    Manifest manifest =
        new Manifest(
            options.furnaces(),
            finiteOrNull(options.hours()),
            options.seed(),
            finiteOrNull(options.itemsPerMinute()),
            options.randomFaults(),
            counts[0],
            counts[1],
            faults.scenarios().size(),
            options.frames(),
            FrameRenderer.DEFAULT_SIZE,
            featureVectors,
            schema.version(),
            options.featuresEvery().toSeconds());
    Files.writeString(out.resolve("manifest.json"), jsonLine(manifest), StandardCharsets.UTF_8);
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
        InspectionClass inspectionClass = classes[i % classes.length];
        InspectionFrame frame = renderer.render(inspectionClass, seeds.nextLong());
        String name = String.format("%06d.pgm", i);
        Files.write(dir.resolve(name), Pgm.encode(frame));
        List<DefectEvent> events = defectsByClass.getOrDefault(inspectionClass, List.of());
        DefectEvent source =
            events.isEmpty() ? null : events.get((i / classes.length) % events.size());
        labels.write(jsonLine(FrameLabel.of(name, frame, source)));
      }
    }
  }

  /** {@code value} as one line of compact JSON, newline included. */
  private static String jsonLine(Object value) {
    try {
      return JSON.writeValueAsString(value) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value + " as JSON", e);
    }
  }

  /** The dataset writes non-finite numbers as {@code null}, never as a string. */
  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
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
