import type { Sample } from './history';
import { inspectedTag, rejectRate, rejectTag } from './rejectRate';
import { HORIZONS, Prediction } from './types';

/** One reject class's chart: the measured rate, then the forecast's median and 5–95 % band; times in epoch seconds. */
export interface ClassForecast {
  name: string;
  times: number[];
  actual: (number | null)[];
  p50: (number | null)[];
  p95: (number | null)[];
  p05: (number | null)[];
}

/**
 * The measured reject rate of each class at each inspection sample in [from, to]: rejects per 1000
 * over the 15 minutes before it, as the forecaster's label is computed.
 */
export function measuredRates(samples: Map<string, Sample[]>, furnace: string, classes: string[], from: number): Map<string, Sample[]> {
  const inspected = samples.get(inspectedTag(furnace)) ?? [];
  const out = new Map<string, Sample[]>();
  for (const c of classes) {
    const rejects = samples.get(rejectTag(furnace, c));
    const rates: Sample[] = [];
    for (const s of inspected) {
      if (s.t < from) continue;
      const v = rejectRate(rejects, inspected, s.t);
      if (v !== null) rates.push({ t: s.t, v });
    }
    out.set(c, rates);
  }
  return out;
}

/**
 * A class's chart: the measured rates up to the prediction's instant, and from the prediction's instant the forecast at 15, 30
 * and 60 min (gapless, so that the lines join); the fan starts from the measured rate at that instant when there is one.
 */
export function classForecast(name: string, prediction: Prediction, measured: Sample[]): ClassForecast {
  const rows = new Map<number, { actual: number | null; p50: number | null; p95: number | null; p05: number | null }>();
  const row = (t: number) => {
    const sec = Math.round(t / 1000);
    let r = rows.get(sec);
    if (!r) {
      r = { actual: null, p50: null, p95: null, p05: null };
      rows.set(sec, r);
    }
    return r;
  };
  const before = measured.filter((m) => m.t <= prediction.at);
  for (const m of before) row(m.t).actual = m.v;
  const anchor = before.length > 0 ? before[before.length - 1].v : null;
  if (anchor !== null) Object.assign(row(prediction.at), { p50: anchor, p95: anchor, p05: anchor });
  for (const h of HORIZONS) {
    const q = prediction.forecast?.[`${h}m`]?.[name];
    if (q) Object.assign(row(prediction.at + h * 60_000), { p50: q.p50, p95: q.p95, p05: q.p05 });
  }
  const times = [...rows.keys()].sort((a, b) => a - b);
  const at = (k: 'actual' | 'p50' | 'p95' | 'p05') => times.map((t) => rows.get(t)![k]);
  return { name, times, actual: at('actual'), p50: at('p50'), p95: at('p95'), p05: at('p05') };
}

/** The classes a prediction forecasts, in its order. */
export function forecastClasses(p: Prediction | null): string[] {
  const first = p?.forecast ? Object.values(p.forecast)[0] : undefined;
  return first ? Object.keys(first) : [];
}
