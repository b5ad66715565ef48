package io.vitrum.streams.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vitrum.core.ml.RejectScore;
import io.vitrum.core.sim.FrameRenderer;
import io.vitrum.core.sim.InspectionClass;
import io.vitrum.core.sim.Pgm;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The committed vision model ({@code vision@prod}) on frames it never saw: rendered from a seed the
 * training did not use, through the engine's own path (PGM bytes, ONNX Runtime, the card's decision
 * threshold), against MIK-1's targets: reject F1 at least 0.985, false rejects under 2 %.
 */
class VisionQualityTest {
  private static final long FRESH_SEED = 0x7E57_0001L;
  private static final int PER_CLASS = 400;
  private static VisionClassifier vision;

  @BeforeAll
  static void load() {
    ModelIndex index = ModelIndex.read(Path.of("../models"));
    ModelIndex.Entry entry = index.production("vision").orElseThrow();
    vision = new VisionClassifier(OnnxModel.load(entry.file(), ModelCard.read(entry.card()), 2));
  }

  @AfterAll
  static void close() {
    vision.model().close();
  }

  @Test
  void meetsMik1TargetsOnFreshFrames() {
    FrameRenderer renderer = new FrameRenderer(vision.side());
    SplittableRandom seeds = new SplittableRandom(FRESH_SEED);
    List<byte[]> images = new ArrayList<>();
    List<InspectionClass> truth = new ArrayList<>();
    for (int i = 0; i < PER_CLASS; i++) {
      for (InspectionClass c : InspectionClass.values()) {
        images.add(Pgm.encode(renderer.render(c, seeds.nextLong())));
        truth.add(c);
      }
    }
    RejectScore score = RejectScore.EMPTY;
    int correctClass = 0;
    for (int from = 0; from < images.size(); from += 64) {
      int to = Math.min(images.size(), from + 64);
      List<VisionVerdict> verdicts = vision.classify(images.subList(from, to));
      for (int i = from; i < to; i++) {
        VisionVerdict v = verdicts.get(i - from);
        score = score.add(truth.get(i).isDefect(), v.reject());
        correctClass += v.label().equals(truth.get(i).label()) ? 1 : 0;
      }
    }
    double accuracy = (double) correctClass / images.size();
    System.out.printf(
        "vision on %d fresh frames: reject F1 %.4f, false rejects %.4f, misses %.4f,"
            + " class accuracy %.4f%n",
        score.count(), score.f1(), score.falseRejectRate(), score.missRate(), accuracy);
    assertEquals(images.size(), score.count());
    assertTrue(score.f1() >= 0.985, "reject F1 " + score.f1() + " below MIK-1's 0.985");
    assertTrue(
        score.falseRejectRate() < 0.02, "false rejects " + score.falseRejectRate() + " not < 2 %");
  }
}
