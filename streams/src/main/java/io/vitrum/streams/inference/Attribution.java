package io.vitrum.streams.inference;

/**
 * One input's share of a prediction (a KernelSHAP value), in plain words.
 *
 * @param feature the input: a feature column ({@code throat.T:5m:mean}) or an ensemble member
 * @param value its value now ({@code NaN}: missing)
 * @param baseline its usual value (the training mean), which an absent input takes
 * @param contribution what it adds to the prediction, in the prediction's unit
 * @param text e.g. {@code throat.T:5m:mean 1287.4 (-12.6 vs usual 1300.0): +0.80 rejects per 1000
 *     at 60 min}
 */
public record Attribution(
    String feature, double value, double baseline, double contribution, String text) {}
