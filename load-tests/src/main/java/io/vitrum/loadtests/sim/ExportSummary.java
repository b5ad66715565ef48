package io.vitrum.loadtests.sim;

import java.nio.file.Path;
import java.util.List;

/**
 * What a dataset export wrote.
 *
 * @param out the output directory
 * @param readings rows in {@code readings.csv}
 * @param defects lines in {@code defects.jsonl}
 * @param faults lines in {@code faults.jsonl}
 * @param frames images under {@code frames/}, one line each in {@code frames/labels.jsonl}
 * @param files every file written, relative to {@code out}
 */
public record ExportSummary(
    Path out, long readings, long defects, int faults, int frames, List<String> files) {
  public ExportSummary {
    files = List.copyOf(files);
  }
}
