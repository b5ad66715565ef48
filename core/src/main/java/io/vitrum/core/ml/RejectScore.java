package io.vitrum.core.ml;

/**
 * Reject decisions scored against the items' true classes: defect = positive. Immutable; {@link
 * #add} returns the new score.
 *
 * @param truePositives defects rejected
 * @param falsePositives good items rejected (false rejects)
 * @param falseNegatives defects passed (misses)
 * @param trueNegatives good items passed
 */
public record RejectScore(
    long truePositives, long falsePositives, long falseNegatives, long trueNegatives) {
  /** No decisions yet. */
  public static final RejectScore EMPTY = new RejectScore(0, 0, 0, 0);

  /** With one more decision: {@code rejected} an item that {@code defect} or not. */
  public RejectScore add(boolean defect, boolean rejected) {
    return new RejectScore(
        truePositives + (defect && rejected ? 1 : 0),
        falsePositives + (!defect && rejected ? 1 : 0),
        falseNegatives + (defect && !rejected ? 1 : 0),
        trueNegatives + (!defect && !rejected ? 1 : 0));
  }

  /** Decisions scored. */
  public long count() {
    return truePositives + falsePositives + falseNegatives + trueNegatives;
  }

  /** F1 of rejecting defects: {@code 2TP / (2TP + FP + FN)}; {@code NaN} with no defect at all. */
  public double f1() {
    long d = 2 * truePositives + falsePositives + falseNegatives;
    return d == 0 ? Double.NaN : 2.0 * truePositives / d;
  }

  /** Share of good items rejected; {@code NaN} with no good item. */
  public double falseRejectRate() {
    long good = falsePositives + trueNegatives;
    return good == 0 ? Double.NaN : (double) falsePositives / good;
  }

  /** Share of defects passed; {@code NaN} with no defect. */
  public double missRate() {
    long defects = truePositives + falseNegatives;
    return defects == 0 ? Double.NaN : (double) falseNegatives / defects;
  }
}
