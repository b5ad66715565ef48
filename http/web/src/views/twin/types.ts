/** Figures by flat name (`crownC`, `energyPerTonneGj`, `rejects.crack`, …), as the twin reports them. */
export type Figures = Record<string, number>;

/** One requested setpoint change: a delta from the setpoint in force, or a target value. */
export interface Change {
  parameter: string;
  mode: 'delta' | 'absolute' | string;
  value: number;
}

/** A recorded what-if, as `GET /api/twin/{id}` lists them. */
export interface ScenarioSummary {
  scenarioId: string;
  at: string;
  changes: Change[];
  horizonMinutes: number;
  delta: Figures;
}

/** `GET /api/twin/{id}`: the twin's estimate, its fit to the plant and its recent what-ifs. */
export interface TwinResponse {
  furnaceId: string;
  syncs: number;
  lastSyncAt: string | null;
  setpoints: Figures;
  estimate: Figures;
  disturbances?: Figures;
  innovations?: Figures;
  shadowActive: boolean;
  scenarios: ScenarioSummary[];
}

/** One sample of a predicted course: minutes from now and the figures then. */
export interface CoursePoint {
  minute: number;
  kpis: Figures;
}

/** `POST /api/twin/{id}/what-if` and `GET /api/twin/{id}/scenarios/{scenarioId}`. */
export interface WhatIfResponse {
  scenarioId: string;
  horizonMinutes: number;
  changes: Change[];
  baselineSetpoints?: Figures | null;
  scenarioSetpoints?: Figures | null;
  baseline: Figures;
  scenario: Figures;
  delta: Figures;
  trajectories?: { baseline: CoursePoint[]; scenario: CoursePoint[] } | null;
}

/** The body of a what-if or a shadow start: deltas, target values and (what-if only) a horizon. */
export interface SetpointChangesRequest {
  changes?: Record<string, number>;
  absolute?: Record<string, number>;
  horizonMinutes?: number;
}

/** `GET|DELETE /api/twin/{id}/shadow`: a shadow run of candidate setpoints beside the plant. */
export interface ShadowResponse {
  active: boolean;
  candidate?: Change[] | null;
  minutes?: number;
  samples?: number;
  rmsDivergence?: Figures | null;
  meanDifference?: Figures | null;
}
