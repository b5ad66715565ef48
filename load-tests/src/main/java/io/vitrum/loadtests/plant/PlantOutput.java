package io.vitrum.loadtests.plant;

/**
 * One way the plant shows itself to the outside (a protocol server or link). Called on the
 * simulation thread after every tick: implementations copy what they need and return quickly; they
 * never block on the network.
 */
@FunctionalInterface
public interface PlantOutput {

  /** Publishes what {@code tick} produced. */
  void onTick(PlantTick tick);
}
