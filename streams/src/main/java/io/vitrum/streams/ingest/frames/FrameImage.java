package io.vitrum.streams.ingest.frames;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/**
 * What a frame's bytes are: a binary PGM ({@code P5}, 8-bit) or a PNG, of a size an inspection
 * camera sends.
 *
 * @param format {@code pgm} or {@code png}
 * @param width columns
 * @param height rows
 */
public record FrameImage(String format, int width, int height) {
  /** Largest side accepted. */
  public static final int MAX_SIDE = 4096;

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /**
   * Inspects {@code bytes}.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static FrameImage inspect(byte[] bytes) {
    if (bytes.length >= 2 && bytes[0] == 'P' && bytes[1] == '5') {
      return pgm(bytes);
    }
    if (startsWith(bytes, PNG)) {
      return png(bytes);
    }
    throw new IllegalArgumentException("not a PNG or binary PGM (P5) image");
  }

  private static FrameImage pgm(byte[] bytes) {
    int[] pos = {2};
    int width = headerNumber(bytes, pos, "width");
    int height = headerNumber(bytes, pos, "height");
    int maxval = headerNumber(bytes, pos, "maxval");
    if (maxval < 1 || maxval > 255) {
      throw new IllegalArgumentException("PGM maxval " + maxval + " is not 1-255 (8-bit)");
    }
    check(width, height);
    int pixels = bytes.length - pos[0] - 1;
    if (pixels != width * height) {
      throw new IllegalArgumentException(
          "PGM of "
              + width
              + "x"
              + height
              + " needs "
              + width * height
              + " pixel bytes, has "
              + pixels);
    }
    return new FrameImage("pgm", width, height);
  }

  private static FrameImage png(byte[] bytes) {
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("PNG cannot be decoded: " + e.getMessage());
    }
    if (image == null) {
      throw new IllegalArgumentException("PNG cannot be decoded");
    }
    check(image.getWidth(), image.getHeight());
    return new FrameImage("png", image.getWidth(), image.getHeight());
  }

  private static void check(int width, int height) {
    if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
      throw new IllegalArgumentException(
          "image of " + width + "x" + height + " is outside 1-" + MAX_SIDE + " per side");
    }
  }

  /** Reads one whitespace-separated header number (comments allowed) at {@code pos[0]}. */
  private static int headerNumber(byte[] bytes, int[] pos, String name) {
    int i = pos[0];
    while (i < bytes.length && (Character.isWhitespace(bytes[i]) || bytes[i] == '#')) {
      if (bytes[i] == '#') {
        while (i < bytes.length && bytes[i] != '\n') {
          i++;
        }
      } else {
        i++;
      }
    }
    int start = i;
    while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && i - start < 6) {
      i++;
    }
    if (i == start || i >= bytes.length || !Character.isWhitespace(bytes[i])) {
      throw new IllegalArgumentException("PGM header lacks its " + name);
    }
    pos[0] = i;
    return Integer.parseInt(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
