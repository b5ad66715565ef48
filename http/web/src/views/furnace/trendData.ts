import type { FurnaceHistory } from './history';

/** Trend points on one time axis: `times` in epoch seconds, a column per tag in the order of `tags`. */
export interface TrendData {
  tags: string[];
  times: number[];
  columns: (number | null)[][];
}

export const emptyTrend = (tags: string[]): TrendData => ({ tags, times: [], columns: tags.map(() => []) });

/** A history answer as trend data in the order of `tags` (null where the answer has no such tag). */
export function fromHistory(h: FurnaceHistory, tags: string[]): TrendData {
  const index = tags.map((t) => h.tags.indexOf(t));
  const times: number[] = [];
  const columns: (number | null)[][] = tags.map(() => []);
  for (const p of h.points) {
    times.push(Date.parse(p.ts) / 1000);
    index.forEach((i, c) => columns[c].push(i < 0 ? null : p.values[i] ?? null));
  }
  return { tags, times, columns };
}

/** How far back (rows) a late live point may still find its instant. */
const LOOK_BACK = 8;

/** A live reading of one tag: `t` in epoch seconds. */
export interface LivePoint {
  tag: string;
  t: number;
  value: number;
}

/**
 * The data with live points added: each into the row of its instant when there is one, else into
 * a new last row in which the other tags hold their last values (sample-and-hold, as plant trends
 * draw, so that lines do not break between tags' samples). A point older than the recent rows is
 * left out.
 */
export function withLive(d: TrendData, points: LivePoint[]): TrendData {
  const times = [...d.times];
  const columns = d.columns.map((col) => [...col]);
  for (const p of points) {
    const c = d.tags.indexOf(p.tag);
    if (c < 0) continue;
    const n = times.length;
    let row = -1;
    for (let i = n - 1; i >= Math.max(0, n - LOOK_BACK) && times[i] >= p.t; i--) {
      if (times[i] === p.t) row = i;
    }
    if (row >= 0) {
      columns[c][row] = p.value;
    } else if (n === 0 || p.t > times[n - 1]) {
      times.push(p.t);
      columns.forEach((col, k) => col.push(k === c ? p.value : n > 0 ? col[n - 1] : null));
    }
  }
  return { tags: d.tags, times, columns };
}

/** The data without the rows before `from` (epoch seconds). */
export function trimBefore(d: TrendData, from: number): TrendData {
  const first = d.times.findIndex((t) => t >= from);
  if (first <= 0) return first === -1 && d.times.length > 0 ? emptyTrend(d.tags) : d;
  return { ...d, times: d.times.slice(first), columns: d.columns.map((col) => col.slice(first)) };
}
