package io.vitrum.streams.ml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The vision model over frames: a batch of images in, a {@link VisionVerdict} per image out. The
 * input is {@code [batch, 1, side, side]} gray levels, the output the class probabilities in the
 * order of the card's labels; an item is rejected when {@code 1 - P(none)} reaches the card's
 * {@code decision.threshold}.
 */
public final class VisionClassifier {
  private static final String NONE = "none";

  private final OnnxModel model;
  private final int side;
  private final List<String> labels;
  private final int none;
  private final double threshold;

  public VisionClassifier(OnnxModel model) {
    this.model = model;
    ModelCard card = model.card();
    long[] dims = card.inputs().get(0).dims();
    this.side = (int) dims[dims.length - 1];
    this.labels = card.outputs().get(0).labels();
    this.none = labels.indexOf(NONE);
    this.threshold = card.raw().path("decision").path("threshold").asDouble(0.5);
    if (none < 0) {
      throw new IllegalArgumentException(card.name() + " has no 'none' class");
    }
  }

  public OnnxModel model() {
    return model;
  }

  /** The side of the square images the model takes. */
  public int side() {
    return side;
  }

  /**
   * Classifies {@code images} (PGM or PNG bytes) in one batch.
   *
   * @throws IllegalArgumentException when an image is unusable
   */
  public List<VisionVerdict> classify(List<byte[]> images) {
    int pixels = side * side;
    float[] input = new float[images.size() * pixels];
    for (int i = 0; i < images.size(); i++) {
      FramePixels.read(images.get(i), side, input, i * pixels);
    }
    return classifyPixels(input, images.size());
  }

  /**
   * Classifies the first {@code count} images of {@code input}, already in the model's input
   * layout.
   */
  public List<VisionVerdict> classifyPixels(float[] input, int count) {
    int size = count * side * side;
    float[] batch = input.length == size ? input : Arrays.copyOf(input, size);
    OnnxModel.Tensor out =
        model.run(new OnnxModel.Tensor(batch, new long[] {count, 1, side, side})).get(outputName());
    int classes = labels.size();
    List<VisionVerdict> verdicts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      int best = 0;
      for (int c = 1; c < classes; c++) {
        if (out.values()[i * classes + c] > out.values()[i * classes + best]) {
          best = c;
        }
      }
      double defect = 1 - out.values()[i * classes + none];
      verdicts.add(
          new VisionVerdict(
              labels.get(best), out.values()[i * classes + best], defect, defect >= threshold));
    }
    return verdicts;
  }

  private String outputName() {
    return model.card().outputs().get(0).name();
  }
}
