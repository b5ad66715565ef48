/** The twin's best fit of a cause as the analysis words it in the explanation. */
export interface TwinFit {
  /** the best-fitting magnitude, in the fault kind's unit */
  magnitude: number;
  /** minutes the fault took to develop */
  rampMinutes: number;
}

const FIT = /with magnitude (-?[0-9.]+(?:e[-+]?[0-9]+)?) developing over (\d+) min/i;

/**
 * The magnitude and ramp the twin fitted, read from the explanation ("On the twin, with magnitude
 * 0.35 developing over 20 min, it reproduces 82 % of the observed change."); null when the cause
 * was not checked on the twin.
 */
export function twinFitOf(explanation: string): TwinFit | null {
  const m = FIT.exec(explanation);
  if (!m) return null;
  const magnitude = Number(m[1]);
  const rampMinutes = Number(m[2]);
  return Number.isFinite(magnitude) && Number.isFinite(rampMinutes) ? { magnitude, rampMinutes } : null;
}
