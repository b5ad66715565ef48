package io.vitrum.core.physics;

/**
 * The heat flows of a furnace at one instant, in MW, across the boundary around combustion space,
 * melt and regenerators (DOMAIN.md §2). {@code totalIn − totalOut} is the rate at which the furnace
 * stores heat: zero on average over whole firing cycles once it has settled.
 *
 * @param fuelMw gas flow times its lower heating value
 * @param boostMw electric boost
 * @param glassMw heat carried off in the glass: batch reactions and sensible heat to the bottom
 *     temperature
 * @param batchWaterMw heat to evaporate the batch water
 * @param flueMw sensible heat of the waste gas after the regenerator
 * @param unburntMw heating value leaving unburnt (degraded burners)
 * @param crownLossMw crown and superstructure wall loss
 * @param bottomLossMw tank bottom and wall loss
 * @param regeneratorLossMw wall loss of both regenerators
 */
public record HeatBalance(
    double fuelMw,
    double boostMw,
    double glassMw,
    double batchWaterMw,
    double flueMw,
    double unburntMw,
    double crownLossMw,
    double bottomLossMw,
    double regeneratorLossMw) {

  public double totalInMw() {
    return fuelMw + boostMw;
  }

  public double totalOutMw() {
    return glassMw
        + batchWaterMw
        + flueMw
        + unburntMw
        + crownLossMw
        + bottomLossMw
        + regeneratorLossMw;
  }
}
