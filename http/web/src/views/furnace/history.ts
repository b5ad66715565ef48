import { api, ApiError, seg } from '../../api/client';

/** `GET /api/furnaces/{id}/history`: a row per instant, values in the order of `tags`. */
export interface FurnaceHistory {
  furnace: string;
  step: 'raw' | '1m' | '1h';
  from: string;
  to: string;
  tags: string[];
  points: { ts: string; values: (number | null)[] }[];
  next?: string;
}

export type Step = 'raw' | '1m' | '1h' | 'auto';

/** The history request's path for `tags` over [from, to) (epoch ms). */
export function historyPath(furnace: string, tags: string[], from: number, to: number, step: Step): string {
  const q = new URLSearchParams({ from: new Date(from).toISOString(), to: new Date(to).toISOString(), step });
  if (tags.length > 0) q.set('tags', tags.join(','));
  return `/api/furnaces/${seg(furnace)}/history?${q.toString()}`;
}

/** The steps to fall back to, coarser each, when a range is too large for `step`. */
const COARSER: Record<Step, Step[]> = { raw: ['1m', '1h'], auto: ['1m', '1h'], '1m': ['1h'], '1h': [] };

/**
 * The history of `tags`; when the node finds the range too large for the step (422
 * history-too-large), asks again with 1-minute, then hourly rollups.
 */
export async function fetchHistory(furnace: string, tags: string[], from: number, to: number, step: Step = 'auto'): Promise<FurnaceHistory> {
  try {
    return await api.get<FurnaceHistory>(historyPath(furnace, tags, from, to, step));
  } catch (e) {
    const next = COARSER[step][0];
    if (next && e instanceof ApiError && e.status === 422 && e.problem.code === 'history-too-large') {
      return fetchHistory(furnace, tags, from, to, next);
    }
    throw e;
  }
}

/** One value of one tag at an instant (epoch ms). */
export interface Sample {
  t: number;
  v: number;
}

/** The history as samples per tag (nulls left out). */
export function samplesOf(h: FurnaceHistory): Map<string, Sample[]> {
  const out = new Map<string, Sample[]>(h.tags.map((tag) => [tag, []]));
  for (const p of h.points) {
    const t = Date.parse(p.ts);
    p.values.forEach((v, i) => {
      if (v !== null && Number.isFinite(v)) out.get(h.tags[i])?.push({ t, v });
    });
  }
  return out;
}
