import type { Level } from '../../ui/common';

/** Figures that count something (how much data), not how good a model is: never compared. */
const COUNTS = /^(samples|items|rows|evaluations|evaluationsWithOverlap|faultFreeRows|sensorEpisodes)$/;

/** Figures where smaller is better: error rates, errors, interval widths. */
const LOWER_IS_BETTER = /(rate|mae|miss|error|width|p95)/i;

/** Whether `key` is a count rather than a quality figure. */
export function isCount(key: string): boolean {
  return COUNTS.test(key);
}

/** Whether a smaller `key` is the better one. */
export function lowerIsBetter(key: string): boolean {
  return LOWER_IS_BETTER.test(key);
}

/** Whether `key` reads as a share 0..1 (shown as a percentage). */
export function isShare(key: string): boolean {
  return /(rate|accuracy|f1|precision|recall|auc|coverage|reduction)/i.test(key) && !/mae/i.test(key);
}

/**
 * How a live figure stands against its held-out one: worse by more than `tolerance` of the held-out
 * value (or absolutely, near zero) is a warning, by more than three times that an alarm.
 */
export function liveLevel(key: string, heldOut: number | undefined, live: number | undefined, tolerance = 0.05): Level {
  if (heldOut === undefined || live === undefined || !Number.isFinite(heldOut) || !Number.isFinite(live) || isCount(key)) return 'none';
  const worse = lowerIsBetter(key) ? live - heldOut : heldOut - live;
  const allowed = Math.max(Math.abs(heldOut) * tolerance, 0.002);
  if (worse > 3 * allowed) return 'alarm';
  if (worse > allowed) return 'warn';
  return 'ok';
}

/** A population stability index: under 0.1 stable, 0.1–0.25 a moderate shift, above 0.25 a drift. */
export function psiLevel(psi: number): Level {
  if (!Number.isFinite(psi)) return 'none';
  if (psi > 0.25) return 'alarm';
  if (psi > 0.1) return 'warn';
  return 'ok';
}

/** The first 12 hex digits of a hash (with any `sha256:` prefix dropped). */
export function shortHash(hash: string | null | undefined): string {
  if (!hash) return '—';
  const h = hash.replace(/^sha256:/, '');
  return h.length > 12 ? `${h.slice(0, 12)}…` : h;
}
