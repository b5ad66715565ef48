/**
 * Reinforcement learning on the twin: the environment (a furnace episode over {@link
 * io.vitrum.core.physics.FurnaceProcess} with injected disturbances), the reward, the safety shield
 * every action passes before it may reach a plant, a small proximal policy optimisation
 * (actor-critic, GAE, clipped objective), the evaluation against the plant's base controllers and
 * the CUSUM test that takes a deployed policy back when it makes things worse.
 */
package io.vitrum.core.rl;
