/**
 * The simulated plant off the engine: the simulator's throughput benchmark and the dataset export
 * that writes a simulation run to files for training and evaluating models.
 */
package io.vitrum.loadtests.sim;
