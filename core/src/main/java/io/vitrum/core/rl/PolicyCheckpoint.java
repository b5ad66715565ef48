package io.vitrum.core.rl;

/**
 * Everything training needs to resume where it stopped: the iteration count, both parameter sets
 * and both optimisers' moments. Each iteration draws its episodes from a seed derived from the
 * settings' seed and the iteration, so a resumed run continues exactly as an uninterrupted one
 * would.
 *
 * @param iteration iterations done
 * @param episodes episodes run
 * @param policy the policy parameters
 * @param value the critic's parameters
 * @param policyOptimiser the policy optimiser's state
 * @param valueOptimiser the critic optimiser's state
 */
public record PolicyCheckpoint(
    int iteration,
    long episodes,
    double[] policy,
    double[] value,
    Adam.State policyOptimiser,
    Adam.State valueOptimiser) {}
