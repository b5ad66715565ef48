package io.vitrum.streams.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The node's record of recent decisions: bounded per furnace (oldest out first), newest first
 * across furnaces, filtered by furnace, a redelivered frame replacing its earlier decision, images
 * kept only up to their bound and served as PNG.
 */
class RecentInspectionsTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private static InspectionDecision decision(String furnace, long item) {
    Instant at = T0.plusSeconds(item);
    boolean reject = item % 2 == 0;
    return new InspectionDecision(
        furnace,
        furnace,
        item,
        at,
        at.plusMillis(40),
        reject ? "crack" : "none",
        0.9,
        reject ? 0.9 : 0.1,
        reject,
        "vision/1",
        null);
  }

  private static byte[] pgm(int side, int level) {
    byte[] header = ("P5\n" + side + " " + side + "\n255\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = new byte[header.length + side * side];
    System.arraycopy(header, 0, out, 0, header.length);
    for (int i = header.length; i < out.length; i++) {
      out[i] = (byte) level;
    }
    return out;
  }

  private static List<Long> items(List<InspectedFrame> frames) {
    return frames.stream().map(f -> f.decision().item()).toList();
  }

  @Test
  void keepsTheLatestPerFurnaceAndDropsTheOldest() {
    RecentInspections recent = new RecentInspections(3, 1024);
    for (long item = 1; item <= 5; item++) {
      recent.add("0-" + item, decision("F1", item), null);
    }
    recent.add("1-1", decision("F2", 1), null);
    assertEquals(List.of(5L, 4L, 3L), items(recent.newest("F1"::equals, 10)));
    assertEquals(List.of(5L, 4L, 3L, 1L), items(recent.newest(f -> true, 10)));
    assertEquals(List.of(5L, 4L), items(recent.newest(f -> true, 2)));
    assertTrue(recent.frame("0-1").isEmpty(), "the oldest of F1 went");
    assertEquals("F2", recent.frame("1-1").orElseThrow().decision().furnace());
    assertTrue(recent.newest("F9"::equals, 10).isEmpty());
  }

  @Test
  void aRedeliveredFrameReplacesItsEarlierDecision() {
    RecentInspections recent = new RecentInspections(3, 1024);
    recent.add("0-7", decision("F1", 7), null);
    recent.add("0-8", decision("F1", 8), null);
    recent.add("0-7", decision("F1", 7), null);
    assertEquals(List.of(8L, 7L), items(recent.newest(f -> true, 10)));
  }

  @Test
  void aPgmFrameIsServedAsAGrayPngOfItsSize() throws IOException {
    RecentInspections recent = new RecentInspections(3, 1024);
    recent.add("0-1", decision("F1", 1), pgm(8, 200));
    assertTrue(recent.frame("0-1").orElseThrow().image());
    byte[] png = recent.png("0-1").orElseThrow();
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertEquals(8, image.getWidth());
    assertEquals(8, image.getHeight());
    assertEquals(200, image.getRaster().getSample(3, 3, 0));
  }

  @Test
  void aPngFrameIsServedAsSent() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0};
    RecentInspections recent = new RecentInspections(3, 1024);
    recent.add("0-1", decision("F1", 1), png);
    assertArrayEquals(png, recent.png("0-1").orElseThrow());
  }

  @Test
  void anImageOverTheBoundOrUnreadableIsNotKept() {
    RecentInspections recent = new RecentInspections(3, 100);
    recent.add("0-1", decision("F1", 1), pgm(64, 10));
    recent.add("0-2", decision("F1", 2), "GIF89a".getBytes(StandardCharsets.US_ASCII));
    assertFalse(recent.frame("0-1").orElseThrow().image());
    assertTrue(recent.png("0-1").isEmpty());
    assertTrue(recent.png("0-2").isEmpty(), "not a PNG or PGM: no picture");
    assertTrue(recent.png("9-9").isEmpty());
  }
}
