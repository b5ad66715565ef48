package io.vitrum.core.sim;

import java.util.Arrays;
import java.util.Objects;

/**
 * One grayscale camera image of an item with its label: the class and the box around the defect
 * ({@link BoundingBox#EMPTY} for a good item). Pixels are row-major, one unsigned byte each; the
 * array is copied in and out so a frame never changes.
 *
 * @param width columns
 * @param height rows
 * @param pixels {@code width × height} gray levels, row-major
 * @param defectClass the true class
 * @param box where the defect is
 */
public record InspectionFrame(
    int width, int height, byte[] pixels, InspectionClass defectClass, BoundingBox box) {
  public InspectionFrame {
    Objects.requireNonNull(defectClass, "defectClass");
    Objects.requireNonNull(box, "box");
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException("pixels must hold width × height values");
    }
    if (defectClass.isDefect() == box.isEmpty()) {
      throw new IllegalArgumentException("a defect has a box, a good item none");
    }
    if (box.x() + box.width() > width || box.y() + box.height() > height) {
      throw new IllegalArgumentException("box outside the image");
    }
    pixels = pixels.clone();
  }

  /** A copy of the pixels. */
  @Override
  public byte[] pixels() {
    return pixels.clone();
  }

  /** Gray level 0–255 at column {@code x}, row {@code y}. */
  public int gray(int x, int y) {
    return pixels[y * width + x] & 0xFF;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InspectionFrame f
        && width == f.width
        && height == f.height
        && defectClass == f.defectClass
        && box.equals(f.box)
        && Arrays.equals(pixels, f.pixels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(width, height, defectClass, box, Arrays.hashCode(pixels));
  }

  @Override
  public String toString() {
    return "InspectionFrame["
        + width
        + "x"
        + height
        + ", "
        + defectClass.label()
        + ", "
        + box
        + "]";
  }
}
