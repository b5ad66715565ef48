package io.vitrum.core.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameRendererTest {
  private static final int SEEDS = 40;
  private final FrameRenderer renderer = new FrameRenderer();

  @Test
  void framesAreDeterministicSixtyFourSquareAndLabelled() {
    for (InspectionClass c : InspectionClass.values()) {
      InspectionFrame frame = renderer.render(c, 7);
      assertEquals(frame, renderer.render(c, 7));
      assertNotEquals(frame, renderer.render(c, 8));
      assertEquals(64, frame.width());
      assertEquals(64 * 64, frame.pixels().length);
      assertEquals(c, frame.defectClass());
      assertEquals(c.isDefect(), !frame.box().isEmpty());
    }
  }

  @Test
  void aDefectChangesTheImageOnlyInsideItsBox() {
    for (InspectionClass c : InspectionClass.values()) {
      if (!c.isDefect()) {
        continue;
      }
      for (long seed = 0; seed < SEEDS; seed++) {
        InspectionFrame good = renderer.render(InspectionClass.NONE, seed);
        InspectionFrame bad = renderer.render(c, seed);
        BoundingBox box = bad.box();
        assertTrue(box.width() <= 24 && box.height() <= 24, c + " box is local: " + box);
        double changed = 0;
        for (int y = 0; y < 64; y++) {
          for (int x = 0; x < 64; x++) {
            int diff = Math.abs(good.gray(x, y) - bad.gray(x, y));
            if (!box.contains(x, y)) {
              assertEquals(0, diff, c + " seed " + seed + " changed (" + x + "," + y + ")");
            }
            changed += diff;
          }
        }
        assertTrue(changed / (box.width() * box.height()) > 8, c + " is visible, seed " + seed);
      }
    }
  }

  @Test
  void classesHaveTheirOwnSignature() {
    double crackDark = 0;
    double bubbleBright = 0;
    double stoneDark = 0;
    for (long seed = 0; seed < SEEDS; seed++) {
      crackDark += signedChange(InspectionClass.CRACK, seed, false);
      bubbleBright += signedChange(InspectionClass.BUBBLE, seed, true);
      stoneDark += signedChange(InspectionClass.STONE, seed, false);
    }
    assertTrue(crackDark / SEEDS > 40, "cracks darken: " + crackDark / SEEDS);
    assertTrue(bubbleBright / SEEDS > 40, "bubble rings brighten: " + bubbleBright / SEEDS);
    assertTrue(stoneDark / SEEDS > 60, "stones are dark blobs: " + stoneDark / SEEDS);
  }

  /** Largest darkening (or brightening) of one pixel by the defect. */
  private double signedChange(InspectionClass c, long seed, boolean brighter) {
    InspectionFrame good = renderer.render(InspectionClass.NONE, seed);
    InspectionFrame bad = renderer.render(c, seed);
    BoundingBox box = bad.box();
    double extreme = 0;
    for (int y = box.y(); y < box.y() + box.height(); y++) {
      for (int x = box.x(); x < box.x() + box.width(); x++) {
        double d = bad.gray(x, y) - good.gray(x, y);
        extreme = Math.max(extreme, brighter ? d : -d);
      }
    }
    return extreme;
  }

  @Test
  void pgmCarriesHeaderAndPixels() {
    InspectionFrame frame = renderer.render(InspectionClass.STONE, 3);
    byte[] pgm = Pgm.encode(frame);
    assertEquals("P5\n64 64\n255\n".length() + 64 * 64, pgm.length);
    assertEquals('P', pgm[0]);
    assertEquals(frame.pixels()[4095], pgm[pgm.length - 1]);
  }
}
