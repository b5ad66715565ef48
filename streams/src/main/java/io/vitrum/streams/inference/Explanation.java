package io.vitrum.streams.inference;

import java.util.List;

/**
 * Why the models predicted what they did for one furnace: the prediction, the forecaster's and the
 * ensemble's top attributions (KernelSHAP), the minutes the forecaster attended to most, and the
 * sensors the GNN scored highest (in the prediction).
 *
 * @param prediction what was predicted
 * @param forecaster attributions of the median total rate at 60 min to the forecaster's input
 *     columns (each column masked over the whole hour), largest first
 * @param forecasterBase the forecast with every column at its usual value
 * @param ensemble attributions of the defect risk to the ensemble's members, largest first
 * @param ensembleBase the risk with every member at its usual value
 * @param attentionTop the minutes of the hour weighed most (0 = an hour ago), highest first
 * @param summary the top attributions as sentences
 */
public record Explanation(
    Prediction prediction,
    List<Attribution> forecaster,
    Double forecasterBase,
    List<Attribution> ensemble,
    Double ensembleBase,
    List<Integer> attentionTop,
    List<String> summary) {}
