/**
 * The physics of a glass line (DOMAIN.md §1–§4): melt viscosity ({@link
 * io.vitrum.core.physics.Vft}), annealing stress, Stokes bubble rise, the lumped furnace heat
 * balance with its base control loops ({@link io.vitrum.core.physics.FurnaceProcess}) and the
 * expected defect rates with their causes ({@link io.vitrum.core.physics.DefectModel}). Plain,
 * deterministic and immutable: the simulator adds noise and sampling, the twin adds estimation.
 */
package io.vitrum.core.physics;
