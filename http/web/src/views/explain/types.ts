/** `GET /api/explainability/prediction?furnace=` (`Explanation` in the OpenAPI document). */

/** The 5, 50 and 95 % quantiles of rejects per 1000 inspected items. */
export interface Quantiles {
  p05: number;
  p50: number;
  p95: number;
}

/** One sensor's fault score from the GNN. */
export interface SensorScore {
  tag: string;
  score: number;
}

/** A furnace's prediction as published on `vitrum.predictions` (absent parts: that model is not served yet). */
export interface Prediction {
  furnace: string;
  /** epoch ms of the feature vector it was computed from */
  at: number;
  models?: Record<string, string>;
  /** per horizon (15m, 30m, 60m) and reject class */
  forecast?: Record<string, Record<string, Quantiles>>;
  /** the forecaster's weight per minute of the last hour, oldest first */
  attention?: number[];
  risk?: number;
  riskThreshold?: number;
  sensors?: SensorScore[];
  processFault?: number;
}

/** One input's KernelSHAP share of a prediction. */
export interface Attribution {
  feature: string;
  value: number | null;
  baseline: number;
  /** in the prediction's unit */
  contribution: number;
  text: string;
}

export interface Explanation {
  prediction: Prediction;
  forecaster: Attribution[];
  forecasterBase: number | null;
  ensemble: Attribution[];
  ensembleBase: number | null;
  /** the minutes weighed most, 0 = an hour ago, highest first */
  attentionTop: number[];
  summary: string[];
}
