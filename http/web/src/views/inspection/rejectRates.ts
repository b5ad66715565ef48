import { seg } from '../../api/client';
import type { TagInfo } from '../../api/plant';

/** The classes MIK-1 counts when the tag map names none (FurnaceTags.REJECT_CLASSES). */
export const DEFAULT_CLASSES = ['crack', 'bubble', 'stone', 'chip'];

/** The window a reject rate is measured over: the forecaster's label is a 15-minute mean. */
export const RATE_WINDOW_MS = 15 * 60_000;

export const inspectedTag = (furnace: string) => `${furnace}.insp.inspected`;
export const rejectTag = (furnace: string, c: string) => `${furnace}.insp.reject.${c}`;

/** The reject classes of `furnace`: its `<F>.insp.reject.<class>` tags in the tag map. */
export function rejectClasses(furnace: string, tags: TagInfo[] | undefined): string[] {
  const prefix = `${furnace}.insp.reject.`;
  const found = (tags ?? []).filter((x) => x.tag.startsWith(prefix)).map((x) => x.tag.slice(prefix.length));
  return found.length > 0 ? found : DEFAULT_CLASSES;
}

/** `GET /api/furnaces/{id}/history` as far as the rates need it. */
export interface CounterHistory {
  tags: string[];
  points: { ts: string; values: (number | null)[] }[];
}

/** The last hour of the counters of `furnace` in minute means (the node's default range). */
export function countersPath(furnace: string, classes: string[]): string {
  const tags = [inspectedTag(furnace), ...classes.map((c) => rejectTag(furnace, c))];
  return `/api/furnaces/${seg(furnace)}/history?${new URLSearchParams({ tags: tags.join(','), step: '1m' }).toString()}`;
}

/** One class's rate: rejects per 1000 inspected items, and the mean count per minute. */
export interface ClassRate {
  cls: string;
  perMille: number | null;
  perMinute: number | null;
}

export interface FurnaceRates {
  /** Mean items inspected per minute over the window; null: the counter has no points. */
  inspectedPerMinute: number | null;
  classes: ClassRate[];
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The reject rate per class over the `windowMs` ending at the newest point: 1000 · mean(rejects
 * per minute) / mean(inspected per minute), as the features compute it; null where nothing was
 * inspected.
 */
export function ratesOf(h: CounterHistory, furnace: string, classes: string[], windowMs = RATE_WINDOW_MS): FurnaceRates {
  const times = h.points.map((p) => Date.parse(p.ts));
  const end = times.length > 0 ? Math.max(...times) : 0;
  const column = (tag: string): number[] => {
    const i = h.tags.indexOf(tag);
    if (i < 0) return [];
    const out: number[] = [];
    h.points.forEach((p, k) => {
      const v = p.values[i];
      if (times[k] > end - windowMs && v !== null && Number.isFinite(v)) out.push(v);
    });
    return out;
  };
  const inspected = mean(column(inspectedTag(furnace)));
  return {
    inspectedPerMinute: inspected,
    classes: classes.map((cls) => {
      const perMinute = mean(column(rejectTag(furnace, cls)));
      const perMille = perMinute !== null && inspected !== null && inspected > 0 ? (1000 * perMinute) / inspected : null;
      return { cls, perMille, perMinute };
    }),
  };
}
