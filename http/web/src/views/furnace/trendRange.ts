/** The time range a trend shows: [from, to) in epoch ms; a live one follows now. */
export interface TrendRange {
  from: number;
  to: number;
  live: boolean;
}

/** The range presets: 15 min, 1 h, 8 h, 24 h, 7 d. */
export const PRESETS: { key: string; ms: number }[] = [
  { key: '15m', ms: 15 * 60_000 },
  { key: '1h', ms: 3_600_000 },
  { key: '8h', ms: 8 * 3_600_000 },
  { key: '24h', ms: 24 * 3_600_000 },
  { key: '7d', ms: 7 * 24 * 3_600_000 },
];

/** The last `spanMs` up to now, following new points. */
export function liveRange(spanMs: number, now: number): TrendRange {
  return { from: now - spanMs, to: now, live: true };
}

/**
 * The range moved by half its span, earlier (-1) or later (+1); moving later up to now makes it
 * live again.
 */
export function pan(r: TrendRange, direction: -1 | 1, now: number): TrendRange {
  const span = r.to - r.from;
  const shift = (span / 2) * direction;
  if (direction > 0 && r.to + shift >= now) return liveRange(span, now);
  return { from: r.from + shift, to: r.to + shift, live: false };
}

/** The range a drag across the chart selects (epoch seconds, as uPlot reports them). */
export function zoomed(fromSec: number, toSec: number): TrendRange {
  return { from: Math.round(fromSec * 1000), to: Math.round(toSec * 1000), live: false };
}

/** The preset `r` matches, if it is a live one of a preset's span. */
export function presetOf(r: TrendRange): string | null {
  if (!r.live) return null;
  return PRESETS.find((p) => Math.abs(r.to - r.from - p.ms) < 1000)?.key ?? null;
}
