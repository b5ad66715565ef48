package io.vitrum.streams.inference;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * A frame as a browser shows it: a PNG as sent, a binary PGM ({@code P5}, 8-bit) re-encoded as a
 * gray PNG. Anything else has no picture.
 */
final class FramePng {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private FramePng() {}

  /** {@code frame} as PNG bytes, or empty when it is neither a PNG nor a readable binary PGM. */
  static Optional<byte[]> of(byte[] frame) {
    if (startsWith(frame, PNG)) {
      return Optional.of(frame);
    }
    if (frame.length >= 2 && frame[0] == 'P' && frame[1] == '5') {
      return pgm(frame).map(FramePng::encode);
    }
    return Optional.empty();
  }

  private static Optional<BufferedImage> pgm(byte[] frame) {
    int[] pos = {2};
    int width = number(frame, pos);
    int height = number(frame, pos);
    int maxval = number(frame, pos);
    int start = pos[0] + 1;
    if (width < 1 || height < 1 || maxval < 1 || maxval > 255) {
      return Optional.empty();
    }
    if ((long) width * height != frame.length - (long) start) {
      return Optional.empty();
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] gray = new byte[width * height];
    for (int i = 0; i < gray.length; i++) {
      gray[i] = (byte) Math.min(255, (frame[start + i] & 0xff) * 255 / maxval);
    }
    image.getRaster().setDataElements(0, 0, width, height, gray);
    return Optional.of(image);
  }

  /** The header number at {@code pos[0]} (whitespace and comments skipped), or -1. */
  private static int number(byte[] frame, int[] pos) {
    int i = pos[0];
    while (i < frame.length && (Character.isWhitespace(frame[i]) || frame[i] == '#')) {
      if (frame[i] == '#') {
        while (i < frame.length && frame[i] != '\n') {
          i++;
        }
      } else {
        i++;
      }
    }
    int start = i;
    while (i < frame.length && frame[i] >= '0' && frame[i] <= '9' && i - start < 6) {
      i++;
    }
    pos[0] = i;
    return i == start
        ? -1
        : Integer.parseInt(new String(frame, start, i - start, StandardCharsets.US_ASCII));
  }

  private static byte[] encode(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a PNG in memory", e);
    }
    return out.toByteArray();
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
