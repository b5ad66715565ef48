import { TwinKey } from './text';

/** A setpoint the what-if and shadow forms may change: its unit, safe bounds and slider step. */
export interface SetpointSpec {
  key: string;
  label: TwinKey;
  unit: string;
  min: number;
  max: number;
  step: number;
  digits: number;
}

/**
 * The furnace setpoints with their hard safe bounds (the engine's `SetpointParameter`; the twin
 * answers 422 outside them, and a plant may narrow them).
 */
export const SETPOINTS: readonly SetpointSpec[] = [
  { key: 'crownTemperature', label: 'sp.crownTemperature', unit: 'degC', min: 1450, max: 1650, step: 1, digits: 0 },
  { key: 'excessO2', label: 'sp.excessO2', unit: '%', min: 0.5, max: 4, step: 0.1, digits: 1 },
  { key: 'electricBoost', label: 'sp.electricBoost', unit: 'MW', min: 0, max: 3, step: 0.1, digits: 1 },
  { key: 'pullRate', label: 'sp.pullRate', unit: 't/day', min: 100, max: 400, step: 5, digits: 0 },
  { key: 'culletFraction', label: 'sp.culletFraction', unit: '%', min: 20, max: 90, step: 1, digits: 0 },
  { key: 'gobTemperature', label: 'sp.gobTemperature', unit: 'degC', min: 1000, max: 1200, step: 1, digits: 0 },
  { key: 'lehrCoolingRate', label: 'sp.lehrCoolingRate', unit: 'degC/min', min: 2, max: 20, step: 0.5, digits: 1 },
];

/** The spec of setpoint `key`, if it is one the forms know. */
export function setpointSpec(key: string): SetpointSpec | undefined {
  return SETPOINTS.find((s) => s.key === key);
}

/** Target values per setpoint; those that differ from `current` form a request's `absolute`. */
export function changedTargets(targets: Record<string, number>, current: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(targets)) {
    const now = current[key];
    if (Number.isFinite(value) && (now === undefined || Math.abs(value - now) > 1e-9)) out[key] = value;
  }
  return out;
}
