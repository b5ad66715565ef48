import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './client';

/** A tag of the plant's tag map, with its limits (null where the map leaves them empty). */
export interface TagInfo {
  tag: string;
  furnace: string;
  unit: string;
  min: number | null;
  max: number | null;
  alarmLow: number | null;
  alarmHigh: number | null;
  source: string;
}

export interface Plant {
  furnaces: string[];
  tags: TagInfo[];
}

function num(s: string | undefined): number | null {
  if (s === undefined || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Parses the tag map's CSV (`tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address`). */
export function parseTagMap(csv: string): Plant {
  const lines = csv.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return { furnaces: [], tags: [] };
  const head = lines[0].split(',').map((h) => h.trim());
  const col = (name: string) => head.indexOf(name);
  const tags: TagInfo[] = [];
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    const tag = c[col('tag')]?.trim();
    if (!tag) continue;
    tags.push({
      tag,
      furnace: c[col('furnace')]?.trim() || tag.split('.')[0],
      unit: c[col('unit')]?.trim() ?? '',
      min: num(c[col('min')]),
      max: num(c[col('max')]),
      alarmLow: num(c[col('alarmLow')]),
      alarmHigh: num(c[col('alarmHigh')]),
      source: c[col('source')]?.trim() ?? '',
    });
  }
  const furnaces = [...new Set(tags.map((t) => t.furnace))].sort();
  return { furnaces, tags };
}

let cached: Promise<Plant> | null = null;

/** The plant as the tag map describes it (furnaces in the caller's scope, their tags); fetched once. */
export function loadPlant(): Promise<Plant> {
  if (!cached) {
    cached = api.text('/api/tag-map', 'text/csv').then(parseTagMap);
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function usePlant(): { plant: Plant | null; error: ApiError | null } {
  const [plant, setPlant] = useState<Plant | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    loadPlant().then(setPlant, (e: unknown) => setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 })));
  }, []);
  return { plant, error };
}
