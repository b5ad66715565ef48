package io.vitrum.streams.ml;

/**
 * What the vision model says of one item.
 *
 * @param label the most probable class ({@code none}, {@code crack}, ...)
 * @param probability that class's probability
 * @param defectProbability {@code 1 - P(none)}
 * @param reject whether the item is rejected: {@code defectProbability} at or above the card's
 *     threshold
 */
public record VisionVerdict(
    String label, double probability, double defectProbability, boolean reject) {}
