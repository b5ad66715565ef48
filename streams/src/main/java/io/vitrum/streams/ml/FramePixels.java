package io.vitrum.streams.ml;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * A frame's gray levels as a vision model takes them: {@code pixel / 255}, row-major. Reads binary
 * PGM (P5, 8-bit) and PNG (converted to gray by luminance); the size must be the model's.
 */
public final class FramePixels {
  private FramePixels() {}

  /**
   * Writes the {@code side}×{@code side} pixels of {@code image} into {@code out} from {@code
   * offset}.
   *
   * @throws IllegalArgumentException when it is not such an image
   */
  public static void read(byte[] image, int side, float[] out, int offset) {
    if (image.length >= 2 && image[0] == 'P' && image[1] == '5') {
      pgm(image, side, out, offset);
    } else {
      png(image, side, out, offset);
    }
  }

  private static void pgm(byte[] image, int side, float[] out, int offset) {
    int pos = 2;
    int[] header = new int[3];
    for (int k = 0; k < 3; k++) {
      while (pos < image.length && Character.isWhitespace(image[pos])) {
        pos++;
      }
      int value = 0;
      while (pos < image.length && Character.isDigit(image[pos])) {
        value = value * 10 + (image[pos++] - '0');
      }
      header[k] = value;
    }
    pos++; // the single whitespace before the pixels
    if (header[0] != side || header[1] != side || header[2] != 255) {
      throw new IllegalArgumentException(
          "PGM is "
              + header[0]
              + "x"
              + header[1]
              + " maxval "
              + header[2]
              + ", model needs "
              + side
              + "x"
              + side
              + " 8-bit");
    }
    if (image.length - pos != side * side) {
      throw new IllegalArgumentException("PGM pixel data is short");
    }
    for (int i = 0; i < side * side; i++) {
      out[offset + i] = (image[pos + i] & 0xff) / 255f;
    }
  }

  private static void png(byte[] image, int side, float[] out, int offset) {
    BufferedImage decoded;
    try {
      decoded = ImageIO.read(new ByteArrayInputStream(image));
    } catch (IOException e) {
      throw new IllegalArgumentException("image cannot be decoded: " + e.getMessage(), e);
    }
    if (decoded == null) {
      throw new IllegalArgumentException("not a PGM or PNG image");
    }
    if (decoded.getWidth() != side || decoded.getHeight() != side) {
      throw new IllegalArgumentException(
          "image is "
              + decoded.getWidth()
              + "x"
              + decoded.getHeight()
              + ", model needs "
              + side
              + "x"
              + side);
    }
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        int rgb = decoded.getRGB(x, y);
        double gray =
            0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
        out[offset + y * side + x] = (float) (Math.round(gray) / 255.0);
      }
    }
  }
}
