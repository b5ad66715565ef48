import type { TagInfo } from '../../api/plant';
import type { Sample } from './history';

/** The classes the inspection machine counts when the tag map names none. */
const DEFAULT_CLASSES = ['crack', 'bubble', 'stone', 'chip'];

/** The window the forecaster's reject rate is measured over (its label is a 15-minute mean). */
export const REJECT_WINDOW_MS = 15 * 60_000;

/** The reject classes of `furnace`: the `<F>.insp.reject.<class>` tags of the tag map. */
export function rejectClasses(furnace: string, tags: TagInfo[] | undefined): string[] {
  const prefix = `${furnace}.insp.reject.`;
  const found = (tags ?? []).filter((t) => t.tag.startsWith(prefix)).map((t) => t.tag.slice(prefix.length));
  return found.length > 0 ? found : DEFAULT_CLASSES;
}

export const inspectedTag = (furnace: string) => `${furnace}.insp.inspected`;
export const rejectTag = (furnace: string, c: string) => `${furnace}.insp.reject.${c}`;

function sumSince(samples: Sample[] | undefined, from: number, to: number): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (const s of samples ?? []) {
    if (s.t > from && s.t <= to) {
      sum += s.v;
      n++;
    }
  }
  return { sum, n };
}

/**
 * Rejects per 1000 inspected items over the window ending at `at`: 1000 · mean(rejects) /
 * mean(inspected), as the forecaster's label is computed; null when nothing was inspected.
 */
export function rejectRate(rejects: Sample[] | undefined, inspected: Sample[] | undefined, at: number, windowMs = REJECT_WINDOW_MS): number | null {
  const r = sumSince(rejects, at - windowMs, at);
  const i = sumSince(inspected, at - windowMs, at);
  if (r.n === 0 || i.n === 0 || !(i.sum > 0)) return null;
  return (1000 * (r.sum / r.n)) / (i.sum / i.n);
}
