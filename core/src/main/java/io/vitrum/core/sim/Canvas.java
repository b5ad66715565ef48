package io.vitrum.core.sim;

import java.util.SplittableRandom;

/**
 * A frame under construction: gray levels as doubles plus the box of every pixel a defect changed,
 * so labels always match what was drawn. Confined to one {@link FrameRenderer#render} call.
 */
final class Canvas {

  /** New gray level of pixel {@code (x, y)} at {@code distance} from a disc's centre. */
  @FunctionalInterface
  interface Shader {
    double shade(int x, int y, double distance, double value);
  }

  private final double[] image;
  private final int size;
  private final WareSilhouette ware;
  private final boolean[] touched;
  private int minX = Integer.MAX_VALUE;
  private int minY = Integer.MAX_VALUE;
  private int maxX = -1;
  private int maxY = -1;

  Canvas(double[] image, int size, WareSilhouette ware) {
    this.image = image;
    this.size = size;
    this.ware = ware;
    this.touched = new boolean[size * size];
  }

  WareSilhouette ware() {
    return ware;
  }

  int size() {
    return size;
  }

  /** A point in the body, at most {@code maxAcross} of the half width off the axis. */
  double[] randomInsideBody(SplittableRandom random, double maxAcross) {
    double y = random.nextDouble(ware.bodyTop(), ware.bottom() - 5);
    double x = ware.axisAt(y) + random.nextDouble(-maxAcross, maxAcross) * ware.halfWidthAt(y);
    return new double[] {x, y};
  }

  /** Darkens each glass pixel the segment {@code p–q} crosses, once, by {@code factor}. */
  void line(double[] p, double[] q, double factor) {
    double length = Math.hypot(q[0] - p[0], q[1] - p[1]);
    int steps = Math.max(1, (int) Math.ceil(length * 4));
    for (int i = 0; i <= steps; i++) {
      double t = i / (double) steps;
      int x = (int) Math.floor(p[0] + (q[0] - p[0]) * t);
      int y = (int) Math.floor(p[1] + (q[1] - p[1]) * t);
      if (inside(x, y) && !touched[y * size + x] && Math.abs(ware.across(x + 0.5, y + 0.5)) < 1) {
        set(x, y, image[y * size + x] * factor);
      }
    }
  }

  /** Applies {@code shader} to every pixel whose centre lies within {@code radius} of {@code c}. */
  void disc(double[] c, double radius, Shader shader) {
    int x0 = (int) Math.floor(c[0] - radius);
    int x1 = (int) Math.ceil(c[0] + radius);
    int y0 = (int) Math.floor(c[1] - radius);
    int y1 = (int) Math.ceil(c[1] + radius);
    for (int y = y0; y <= y1; y++) {
      for (int x = x0; x <= x1; x++) {
        double d = Math.hypot(x + 0.5 - c[0], y + 0.5 - c[1]);
        if (d <= radius && inside(x, y)) {
          double old = image[y * size + x];
          double shaded = shader.shade(x, y, d, old);
          if (shaded != old) {
            set(x, y, shaded);
          }
        }
      }
    }
  }

  /** The box around every changed pixel; {@link BoundingBox#EMPTY} when none changed. */
  BoundingBox box() {
    if (maxX < 0) {
      return BoundingBox.EMPTY;
    }
    return new BoundingBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
  }

  private boolean inside(int x, int y) {
    return x >= 0 && y >= 0 && x < size && y < size;
  }

  private void set(int x, int y, double value) {
    image[y * size + x] = value;
    touched[y * size + x] = true;
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
}
