package io.vitrum.core.rl;

/**
 * One entry of a policy's observation: its name, unit, and the centre and scale the network sees it
 * through ({@code (value - centre) / scale}, folded into the first layer of the exported graph).
 *
 * @param name the feature's name in the model card
 * @param unit its engineering unit
 * @param centre typical value
 * @param scale typical spread, positive
 */
public record ObservationFeature(String name, String unit, double centre, double scale) {

  public ObservationFeature {
    if (!(scale > 0)) {
      throw new IllegalArgumentException(name + ": scale must be positive");
    }
  }
}
