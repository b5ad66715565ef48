import type { Level } from '../../ui/common';
import type { Alarm } from './types';

/** Container glass is melted at 4–10 GJ/t; above this it is costly, and above the next far out. */
export const ENERGY_WARN_GJ_PER_T = 7;
export const ENERGY_ALARM_GJ_PER_T = 10;

/**
 * A value with only an upper limit (a reject rate, a risk, energy): alarm above `ceiling`, warn
 * above `warnAt` (by default 80 % of it), else ok; none without a value or a limit.
 */
export function levelUnder(value: number | null | undefined, ceiling: number | null | undefined, warnAt?: number): Level {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'none';
  if (ceiling === null || ceiling === undefined || !Number.isFinite(ceiling)) return 'none';
  if (value > ceiling) return 'alarm';
  return value > (warnAt ?? ceiling * 0.8) ? 'warn' : 'ok';
}

/** Active alarms: alarm if one is critical, warn if any, ok if none. */
export function alarmsLevel(active: Alarm[]): Level {
  if (active.some((a) => a.severity === 'critical')) return 'alarm';
  return active.length > 0 ? 'warn' : 'ok';
}
