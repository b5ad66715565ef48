package io.vitrum.core.sim;

import java.nio.charset.StandardCharsets;

/**
 * Binary PGM (P5) encoding of frames: the simplest lossless grayscale format, read by numpy,
 * Pillow, OpenCV and ImageMagick without any codec.
 */
public final class Pgm {
  private Pgm() {}

  /** The P5 file bytes of {@code frame}. */
  public static byte[] encode(InspectionFrame frame) {
    byte[] header =
        ("P5\n" + frame.width() + " " + frame.height() + "\n255\n")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] pixels = frame.pixels();
    byte[] file = new byte[header.length + pixels.length];
    System.arraycopy(header, 0, file, 0, header.length);
    System.arraycopy(pixels, 0, file, header.length, pixels.length);
    return file;
  }
}
