/** The API's shapes of a furnace, as the furnace and overview views read them. */

/** An alarm of a furnace (`FurnaceResponse.alarms`). */
export interface Alarm {
  alarmId: string;
  source: string;
  severity: string;
  message: string | null;
  raisedAt: string | null;
  active: boolean;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
}

/** How a setpoint change was written to the plant. */
export interface WriteStatus {
  status: 'pending' | 'written' | 'failed';
  attempts: number;
  detail?: string | null;
  at?: string | null;
}

/** The last change of a setpoint: who, why, when. A live event leaves `reason` and `write` until the next fetch. */
export interface SetpointChange {
  value: number;
  origin: string;
  requestedBy: string;
  reason?: string;
  at: string;
  write?: WriteStatus;
}

export type AutonomyMode = 'advisory' | 'supervised' | 'autonomous';

/** `GET /api/furnaces/{id}`. */
export interface FurnaceView {
  furnaceId: string;
  setpoints: Record<string, number>;
  setpointChanges: Record<string, SetpointChange>;
  autonomyMode: AutonomyMode | string;
  alarms: Alarm[];
}

/** The 5, 50 and 95 % quantiles of a forecast, rejects per 1000 inspected items. */
export interface Quantiles {
  p05: number;
  p50: number;
  p95: number;
}

/** A prediction as published on vitrum.predictions (the WebSocket `prediction` event's data). */
export interface Prediction {
  furnace: string;
  /** Epoch ms of the feature vector it was computed from. */
  at: number;
  models?: Record<string, string>;
  /** Per horizon (`15m`, `30m`, `60m`) and reject class; absent without a forecaster or before an hour of vectors. */
  forecast?: Record<string, Record<string, Quantiles>>;
  /** Expected rejects per 1000 at 60 min (the ensemble's defect risk). */
  risk?: number;
  riskThreshold?: number;
  sensors?: { tag: string; score: number }[];
  processFault?: number;
}

/** The forecast horizons, in minutes, as the forecaster publishes them. */
export const HORIZONS = [15, 30, 60] as const;
