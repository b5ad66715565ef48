package io.vitrum.loadtests.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetExportTest {

  private static ExportSummary export(Path dir) throws IOException {
    return DatasetExport.run(
        ExportOptions.parse(
            "--furnaces",
            "2",
            "--hours",
            "0.5",
            "--seed",
            "42",
            "--out",
            dir.toString(),
            "--frames",
            "12"));
  }

  @Test
  void writesTheFilesItSays(@TempDir Path dir) throws IOException {
    ExportSummary summary = export(dir);
    for (String file : summary.files()) {
      assertTrue(Files.isRegularFile(dir.resolve(file)), file);
    }
    List<String> readings = Files.readAllLines(dir.resolve("readings.csv"));
    assertEquals("ts,tag,value", readings.get(0));
    assertEquals(summary.readings(), readings.size() - 1);
    assertTrue(readings.get(1).matches("2025-01-01T00:00:00Z,F1\\.crown\\.T1,[0-9.]+"));
    assertEquals(summary.defects(), Files.readAllLines(dir.resolve("defects.jsonl")).size());
    assertEquals(summary.faults(), Files.readAllLines(dir.resolve("faults.jsonl")).size());
    assertTrue(summary.faults() >= 2, "a random schedule has a fault per furnace");
    assertEquals(2 * 43 + 1, Files.readAllLines(dir.resolve("tags.csv")).size());
    List<String> labels = Files.readAllLines(dir.resolve("frames/labels.jsonl"));
    assertEquals(12, labels.size());
    assertTrue(labels.get(0).startsWith("{\"file\":\"000000.pgm\",\"class\":\"none\""));
    assertTrue(labels.get(1).contains("\"class\":\"crack\""));
    byte[] pgm = Files.readAllBytes(dir.resolve("frames/000011.pgm"));
    assertEquals("P5\n64 64\n255\n".length() + 64 * 64, pgm.length);
    assertTrue(Files.readString(dir.resolve("manifest.json")).contains("\"seed\":42"));
  }

  @Test
  void keepsTheKeysAndValuesOfTheDatasetFormat(@TempDir Path dir) throws IOException {
    ExportSummary summary = export(dir);
    assertEquals(
        "{\"furnaces\":2,\"hours\":0.5,\"seed\":42,\"itemsPerMinute\":330.0,\"randomFaults\":true,"
            + "\"readings\":"
            + summary.readings()
            + ",\"defects\":"
            + summary.defects()
            + ",\"faults\":"
            + summary.faults()
            + ",\"frames\":12,\"frameSize\":64,\"featureVectors\":0,\"featureSchemaVersion\":2,"
            + "\"featuresEverySeconds\":0}\n",
        Files.readString(dir.resolve("manifest.json")));
    String instant = "\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"";
    for (String line : Files.readAllLines(dir.resolve("defects.jsonl"))) {
      assertTrue(
          line.matches(
              "\\{\"furnace\":\"F[12]\",\"ts\":"
                  + instant
                  + ",\"class\":\"(crack|bubble|stone|chip)\",\"cause\":\"[a-z-]+\"}"),
          line);
    }
    for (String line : Files.readAllLines(dir.resolve("faults.jsonl"))) {
      assertTrue(
          line.matches(
              "\\{\"furnace\":\"F[12]\",\"kind\":\"[a-z-]+\",\"start\":"
                  + instant
                  + ",\"end\":"
                  + instant
                  + ",\"rampSeconds\":\\d+,\"magnitude\":-?[0-9.E-]+"
                  + ",\"tag\":(null|\"[A-Za-z0-9.]+\")"
                  + ",\"rootCause\":\"[a-z-]+\"}"),
          line);
    }
    List<String> labels = Files.readAllLines(dir.resolve("frames/labels.jsonl"));
    assertTrue(
        labels
            .get(0)
            .matches(
                "\\{\"file\":\"000000.pgm\",\"class\":\"none\",\"bbox\":\\[0,0,0,0],"
                    + "\"furnace\":null,\"ts\":null,\"cause\":null}"),
        labels.get(0));
    assertTrue(
        labels
            .get(1)
            .matches(
                "\\{\"file\":\"000001.pgm\",\"class\":\"crack\",\"bbox\":\\[\\d+,\\d+,\\d+,\\d+],"
                    + "\"furnace\":\"F[12]\",\"ts\":"
                    + instant
                    + ",\"cause\":\"[a-z-]+\"}"),
        labels.get(1));
  }

  @Test
  void sameArgumentsSameBytes(@TempDir Path a, @TempDir Path b) throws IOException {
    export(a);
    export(b);
    for (String file :
        List.of("readings.csv", "defects.jsonl", "faults.jsonl", "frames/000003.pgm")) {
      assertArrayEquals(
          Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
    }
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> ExportOptions.parse("--hours", "2"));
    assertThrows(
        IllegalArgumentException.class, () -> ExportOptions.parse("--out", "x", "--color", "red"));
    assertThrows(
        IllegalArgumentException.class, () -> ExportOptions.parse("--out", "x", "--hours", "many"));
    assertThrows(IllegalArgumentException.class, () -> ExportOptions.parse("--out"));
  }

  @Test
  void featureVectorsAreTheEnginesOverTheExportedReadings(@TempDir Path dir) throws IOException {
    DatasetExport.run(
        ExportOptions.parse(
            "--hours", "0.5", "--seed", "7", "--out", dir.toString(), "--features-every-s", "60"));
    List<String> rows = Files.readAllLines(dir.resolve("features/F1.csv"));
    List<String> header = List.of(rows.get(0).split(","));
    assertEquals("at", header.get(0));
    assertEquals("air.flow:1m:mean", header.get(1), "names without the furnace, tags sorted");
    assertTrue(header.contains("domain:energyPerTonne"));
    assertTrue(rows.size() >= 28, "a vector a minute over half an hour: " + rows.size());
    assertTrue(
        Files.readString(dir.resolve("manifest.json"))
            .contains("\"featureVectors\":" + (rows.size() - 1)));

    String[] row = rows.get(10).split(",", -1);
    long at = Long.parseLong(row[0]);
    assertEquals(0, at % 60_000);
    double expected =
        Files.readAllLines(dir.resolve("readings.csv")).stream()
            .skip(1)
            .map(line -> line.split(","))
            .filter(f -> f[1].equals("F1.crown.T2"))
            .filter(
                f -> {
                  long ts = Instant.parse(f[0]).toEpochMilli();
                  return ts >= at - 60_000 && ts < at;
                })
            .mapToDouble(f -> Double.parseDouble(f[2]))
            .average()
            .orElseThrow();
    assertEquals(expected, Double.parseDouble(row[header.indexOf("crown.T2:1m:mean")]), 1e-9);
  }
}
