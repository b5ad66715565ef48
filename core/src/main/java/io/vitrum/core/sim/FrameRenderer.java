package io.vitrum.core.sim;

import java.util.SplittableRandom;

/**
 * Renders procedural backlit images of ware for the vision model: a glass silhouette with wall
 * shading and a specular highlight, plus one rendered defect: a crack (thin dark polyline), a
 * bubble (small bright ring), a stone (dark blob with a stress halo) or a chip (notch in the rim or
 * wall), or none. Pose, lighting, tint and sensor noise vary per frame.
 *
 * <p>Deterministic: the same size, class and seed give the same frame. The pose, lighting and noise
 * depend only on the seed, so two classes rendered with one seed differ only inside the defect's
 * box.
 */
public final class FrameRenderer {

  /** Side of the square frames used for training (64 × 64). */
  public static final int DEFAULT_SIZE = 64;

  private static final int MIN_SIZE = 32;
  private static final double WALL = 0.85;

  private final int size;

  /** A renderer of {@code size × size} frames, at least 32. */
  public FrameRenderer(int size) {
    if (size < MIN_SIZE) {
      throw new IllegalArgumentException("frames need at least " + MIN_SIZE + " pixels a side");
    }
    this.size = size;
  }

  /** A renderer of {@link #DEFAULT_SIZE} frames. */
  public FrameRenderer() {
    this(DEFAULT_SIZE);
  }

  public int size() {
    return size;
  }

  /** The frame of an item of class {@code defectClass}, fully determined by {@code seed}. */
  public InspectionFrame render(InspectionClass defectClass, long seed) {
    SplittableRandom pose = new SplittableRandom(seed);
    SplittableRandom noise = pose.split();
    SplittableRandom defect = pose.split();
    WareSilhouette ware = WareSilhouette.random(size, pose);
    double background = pose.nextDouble(150, 215);
    double gradient = pose.nextDouble(-20, 20);
    double tint = pose.nextDouble(0.7, 0.95);
    double highlightAt = pose.nextDouble(-0.55, -0.3);
    double noiseSigma = pose.nextDouble(2, 5);
    double gain = pose.nextDouble(0.85, 1.1);

    double[] image = new double[size * size];
    for (int y = 0; y < size; y++) {
      double light = background + gradient * (y / (double) size - 0.5);
      for (int x = 0; x < size; x++) {
        image[y * size + x] = glass(ware, x + 0.5, y + 0.5, light, tint, highlightAt);
      }
    }
    Canvas canvas = new Canvas(image, size, ware);
    switch (defectClass) {
      case CRACK -> drawCrack(canvas, defect);
      case BUBBLE -> drawBubble(canvas, defect);
      case STONE -> drawStone(canvas, defect);
      case CHIP -> drawChip(canvas, defect, background, gradient);
      case NONE -> {}
    }
    byte[] pixels = new byte[size * size];
    for (int i = 0; i < pixels.length; i++) {
      double v = image[i] * gain + noiseSigma * noise.nextGaussian();
      pixels[i] = (byte) Math.max(0, Math.min(255, Math.round(v)));
    }
    return new InspectionFrame(size, size, pixels, defectClass, canvas.box());
  }

  /** Backlight seen through the item at one point: walls dark, body lighter, one highlight. */
  private static double glass(
      WareSilhouette ware, double x, double y, double light, double tint, double highlightAt) {
    double u = Math.abs(ware.across(x, y));
    if (u > 1) {
      return light;
    }
    double transmission = u > WALL ? 0.35 : tint * (0.82 + 0.12 * (1 - u * u));
    if (y > ware.bottom() - 3) {
      transmission *= 0.6;
    }
    double highlight = Math.exp(-Math.pow((ware.across(x, y) - highlightAt) / 0.07, 2)) * 35;
    return light * transmission + highlight;
  }

  private static void drawCrack(Canvas canvas, SplittableRandom random) {
    double[] p = canvas.randomInsideBody(random, 0.6);
    double angle = random.nextDouble(0, 2 * Math.PI);
    int segments = 3 + random.nextInt(3);
    for (int s = 0; s < segments; s++) {
      angle += random.nextDouble(-0.9, 0.9);
      double length = random.nextDouble(3, 6);
      double[] q = {p[0] + Math.cos(angle) * length, p[1] + Math.sin(angle) * length};
      canvas.line(p, q, 0.35);
      p = q;
    }
  }

  private static void drawBubble(Canvas canvas, SplittableRandom random) {
    double[] c = canvas.randomInsideBody(random, 0.6);
    double radius = random.nextDouble(1.6, 3.2);
    canvas.disc(
        c,
        radius + 1,
        (x, y, d, v) -> {
          if (Math.abs(d - radius) < 0.8) {
            return v + 70;
          }
          return d < radius ? v * 0.9 : v;
        });
  }

  private static void drawStone(Canvas canvas, SplittableRandom random) {
    double[] c = canvas.randomInsideBody(random, 0.6);
    double radius = random.nextDouble(1.2, 2.4);
    canvas.disc(c, radius + 2, (x, y, d, v) -> d < radius ? v * 0.2 : v + 30);
  }

  private static void drawChip(
      Canvas canvas, SplittableRandom random, double background, double gradient) {
    WareSilhouette ware = canvas.ware();
    double side = random.nextBoolean() ? 1 : -1;
    double[] c;
    if (random.nextBoolean()) {
      double y = ware.top();
      c = new double[] {ware.axisAt(y) + side * ware.halfWidthAt(y) * random.nextDouble(0.3, 1), y};
    } else {
      double y = random.nextDouble(ware.bodyTop(), ware.bottom() - 4);
      c = new double[] {ware.axisAt(y) + side * ware.halfWidthAt(y), y};
    }
    double radius = random.nextDouble(2.5, 4);
    int size = canvas.size();
    canvas.disc(
        c,
        radius,
        (x, row, d, v) -> {
          if (Math.abs(ware.across(x + 0.5, row + 0.5)) > 1) {
            return v;
          }
          double light = background + gradient * (row / (double) size - 0.5);
          return d > radius - 1 ? light + 60 : light;
        });
  }
}
