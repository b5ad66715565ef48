package io.vitrum.core.causal;

import java.time.Instant;
import java.util.List;

/**
 * How well what the sensors showed matches one candidate cause's signature.
 *
 * @param score in [-1, 1]: 1 every expected change seen in the expected direction before the
 *     incident, 0 nothing seen, negative changes against the expectation
 * @param evidence the supporting observations, for people, strongest first
 * @param onset when the signature first showed, null if it never did
 * @param tag for a sensor fault, the instrument suspected; null otherwise
 * @param direction +1, or -1 when a reversible fault's signature appeared flipped
 */
public record SignatureScore(
    double score, List<String> evidence, Instant onset, String tag, int direction) {

  public SignatureScore {
    evidence = List.copyOf(evidence);
  }
}
