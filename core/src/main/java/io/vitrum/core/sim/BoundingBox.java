package io.vitrum.core.sim;

/**
 * Axis-aligned pixel rectangle around a rendered defect, in image coordinates (x right, y down).
 *
 * @param x left column
 * @param y top row
 * @param width columns covered; 0 for {@link #EMPTY}
 * @param height rows covered; 0 for {@link #EMPTY}
 */
public record BoundingBox(int x, int y, int width, int height) {

  /** The box of a good item: nothing to point at. */
  public static final BoundingBox EMPTY = new BoundingBox(0, 0, 0, 0);

  public BoundingBox {
    if (x < 0 || y < 0 || width < 0 || height < 0) {
      throw new IllegalArgumentException("box coordinates must be non-negative");
    }
  }

  /** Whether the box covers no pixel. */
  public boolean isEmpty() {
    return width == 0 || height == 0;
  }

  /** Whether pixel {@code (px, py)} lies inside. */
  public boolean contains(int px, int py) {
    return px >= x && px < x + width && py >= y && py < y + height;
  }
}
