package io.vitrum.streams.inference;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What the models say of one furnace at one minute, as published on {@code vitrum.predictions}.
 *
 * @param furnace the furnace
 * @param at epoch milliseconds of the feature vector it was computed from
 * @param models the versions that computed it, by model name
 * @param forecast per horizon ({@code 15m}, {@code 30m}, {@code 60m}) and reject class the 5, 50
 *     and 95 % quantiles of rejects per 1000 inspected items ({@code null}: no forecaster, or less
 *     than an hour of vectors yet)
 * @param attention the forecaster's weight per minute of the hour, oldest first
 * @param risk the ensemble's defect risk: expected rejects per 1000 at 60 min ({@code null}: none)
 * @param riskThreshold the risk above which an alert is raised
 * @param sensors the sensors most likely faulted, highest first, with their scores
 * @param processFault the probability of a process fault under way ({@code null}: no GNN)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Prediction(
    String furnace,
    long at,
    Map<String, String> models,
    Map<String, Map<String, Quantiles>> forecast,
    float[] attention,
    Double risk,
    Double riskThreshold,
    List<SensorScore> sensors,
    Double processFault) {

  /** The 5, 50 and 95 % quantiles. */
  public record Quantiles(double p05, double p50, double p95) {}

  /** One sensor's fault score. */
  public record SensorScore(String tag, double score) {}
}
