package io.vitrum.streams.inference;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Serving, from {@code vitrum.inference}.
 *
 * @param enabled whether this node serves the models
 * @param modelsDir the directory of {@code index.json}, the ONNX files and cards
 * @param threads intra-op threads of each ONNX Runtime session
 * @param batchMax most items in one micro-batch
 * @param batchDelay longest wait to fill a micro-batch
 * @param parallelism micro-batches in flight per stage
 * @param inspectionGroupId the decision stage's consumer group on {@code vitrum.frames}
 * @param decisionsTopic where reject decisions go
 * @param scoreWindow labelled frames per live score of a vision version
 * @param forecastScoreWindow forecasts per live score of a forecaster version (each scored an hour
 *     later, against the inspection counts then)
 * @param driftWindow feature rows per live input-drift figure (PSI per input column) of a version
 * @param predictionsTopic where predictions go
 * @param alertsTopic where the models' alerts go
 */
public record InferenceSettings(
    boolean enabled,
    Path modelsDir,
    int threads,
    int batchMax,
    Duration batchDelay,
    int parallelism,
    String inspectionGroupId,
    String decisionsTopic,
    int scoreWindow,
    int forecastScoreWindow,
    int driftWindow,
    String predictionsTopic,
    String alertsTopic) {
  /** The dispatcher model runs block threads of (never the default one). */
  public static final String DISPATCHER = "vitrum-inference-dispatcher";

  public static InferenceSettings create(Config config) {
    Config c = config.getConfig("vitrum.inference");
    return new InferenceSettings(
        c.getBoolean("enabled"),
        Path.of(c.getString("models-dir")),
        c.getInt("threads"),
        c.getInt("batch-max"),
        c.getDuration("batch-delay"),
        c.getInt("parallelism"),
        c.getString("inspection-group-id"),
        c.getString("topics.decisions"),
        c.getInt("score-window"),
        c.getInt("forecast-score-window"),
        c.getInt("drift-window"),
        c.getString("topics.predictions"),
        c.getString("topics.alerts"));
  }

  /** The same settings with the topic names prefixed (tests give each class its own). */
  public InferenceSettings withTopicPrefix(String prefix) {
    return new InferenceSettings(
        enabled,
        modelsDir,
        threads,
        batchMax,
        batchDelay,
        parallelism,
        prefix + inspectionGroupId,
        prefix + decisionsTopic,
        scoreWindow,
        forecastScoreWindow,
        driftWindow,
        prefix + predictionsTopic,
        prefix + alertsTopic);
  }

  /** The same settings reading models from {@code dir}. */
  public InferenceSettings withModelsDir(Path dir) {
    return new InferenceSettings(
        enabled,
        dir,
        threads,
        batchMax,
        batchDelay,
        parallelism,
        inspectionGroupId,
        decisionsTopic,
        scoreWindow,
        forecastScoreWindow,
        driftWindow,
        predictionsTopic,
        alertsTopic);
  }
}
