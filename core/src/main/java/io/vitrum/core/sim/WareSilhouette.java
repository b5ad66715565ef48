package io.vitrum.core.sim;

import java.util.SplittableRandom;

/**
 * The outline of one item as the camera sees it against the backlight: a bottle (narrow neck,
 * shoulder, body) or a jar (wide finish, short shoulder), placed with a random size, offset and
 * tilt so that a vision model has to learn the defect rather than the pose.
 *
 * @param jar whether the item is a jar rather than a bottle
 * @param centerX column of the axis at {@code midY}
 * @param top first row of the finish
 * @param bottom last row of the base
 * @param bodyHalfWidth half width of the body in pixels
 * @param tilt horizontal shift of the axis per row, for a slightly tilted item
 */
record WareSilhouette(
    boolean jar, double centerX, int top, int bottom, double bodyHalfWidth, double tilt) {

  private static final double FINISH_ROWS = 3;

  /** A random pose inside a {@code size × size} image. */
  static WareSilhouette random(int size, SplittableRandom random) {
    boolean jar = random.nextDouble() < 0.4;
    double scale = size / 64.0;
    double centerX = size / 2.0 + random.nextDouble(-4, 4) * scale;
    int top = (int) Math.round(random.nextDouble(3, 8) * scale);
    int bottom = size - 1 - (int) Math.round(random.nextDouble(3, 8) * scale);
    double halfWidth = (jar ? random.nextDouble(19, 25) : random.nextDouble(13, 20)) * scale;
    double tilt = random.nextDouble(-0.06, 0.06);
    return new WareSilhouette(jar, centerX, top, bottom, halfWidth, tilt);
  }

  /** Column of the item's axis in row {@code y}. */
  double axisAt(double y) {
    return centerX + tilt * (y - (top + bottom) / 2.0);
  }

  /** Half width of the glass in row {@code y}; 0 outside the item. */
  double halfWidthAt(double y) {
    if (y < top || y > bottom) {
      return 0;
    }
    double height = bottom - top;
    double neck = bodyHalfWidth * (jar ? 0.8 : 0.35);
    double neckEnd = top + height * (jar ? 0.1 : 0.3);
    double shoulderEnd = top + height * (jar ? 0.2 : 0.48);
    double width;
    if (y < top + FINISH_ROWS) {
      width = neck + 1.5;
    } else if (y < neckEnd) {
      width = neck;
    } else if (y < shoulderEnd) {
      double s = (y - neckEnd) / (shoulderEnd - neckEnd);
      width = neck + (bodyHalfWidth - neck) * (1 - Math.cos(Math.PI * s)) / 2;
    } else {
      width = bodyHalfWidth;
    }
    double heel = bottom - y;
    if (heel < 3) {
      width -= (3 - heel) * 1.2;
    }
    return Math.max(0, width);
  }

  /** First row of the body (below the shoulder), where inclusions and cracks are drawn. */
  int bodyTop() {
    return (int) Math.ceil(top + (bottom - top) * (jar ? 0.22 : 0.5));
  }

  /**
   * Signed position across the glass in row {@code y}: 0 on the axis, ±1 on the walls, beyond 1
   * outside the item.
   */
  double across(double x, double y) {
    double half = halfWidthAt(y);
    if (half <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return (x - axisAt(y)) / half;
  }
}
