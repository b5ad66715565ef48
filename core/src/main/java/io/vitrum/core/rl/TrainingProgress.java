package io.vitrum.core.rl;

/**
 * Where training stands after an iteration.
 *
 * @param iteration iterations done
 * @param episodes episodes run in all
 * @param meanReward mean reward per interval over the iteration's episodes
 * @param energyPerTonneGj mean energy per tonne over them, GJ/t
 * @param totalDefectsPerThousand mean expected defects per 1000 over them
 * @param interventionsPerEpisode shield interventions per episode
 * @param violations applied setpoints that broke the shield's rules (must stay 0)
 * @param actionStd mean standard deviation of the exploring policy, in shield steps
 */
public record TrainingProgress(
    int iteration,
    long episodes,
    double meanReward,
    double energyPerTonneGj,
    double totalDefectsPerThousand,
    double interventionsPerEpisode,
    long violations,
    double actionStd) {}
