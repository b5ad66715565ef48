import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../../api/client';
import { useLive } from '../../live/live';
import { fetchHistory, Sample, samplesOf } from './history';

export interface TagSamples {
  /** Samples per tag over the trailing window, oldest first. */
  samples: Map<string, Sample[]>;
  error: ApiError | null;
}

function merge(history: Sample[], live: Sample[]): Sample[] {
  const last = history.length > 0 ? history[history.length - 1].t : -Infinity;
  return [...history, ...live.filter((s) => s.t > last)];
}

/**
 * The samples of `tags` of `furnace` over the trailing `windowMs`: the raw history first, then
 * each sensor event of the `furnace/{id}` topic; older samples fall out of the window.
 */
export function useTagSamples(furnace: string, tags: string[], windowMs: number): TagSamples {
  const key = tags.join(',');
  const store = useRef(new Map<string, Sample[]>());
  const [, setVersion] = useState(0);
  const [error, setError] = useState<ApiError | null>(null);
  const wanted = useRef(new Set(tags));
  wanted.current = new Set(tags);

  useEffect(() => {
    let cancelled = false;
    store.current = new Map();
    setError(null);
    const now = Date.now();
    fetchHistory(furnace, tags, now - windowMs, now + 1000, 'raw')
      .then((h) => {
        if (cancelled) return;
        const next = new Map<string, Sample[]>();
        for (const [tag, history] of samplesOf(h)) next.set(tag, merge(history, store.current.get(tag) ?? []));
        for (const [tag, live] of store.current) if (!next.has(tag)) next.set(tag, live);
        store.current = next;
        setVersion((n) => n + 1);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 }));
      });
    return () => {
      cancelled = true;
    };
    // `key` stands for `tags`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [furnace, key, windowMs]);

  useLive(`furnace/${furnace}`, (e) => {
    if (e.type !== 'sensor' || !wanted.current.has(e.data?.tag)) return;
    const t = Date.parse(e.data.readingTs);
    const v = Number(e.data.value);
    if (!Number.isFinite(t) || !Number.isFinite(v)) return;
    const from = Date.now() - windowMs;
    const old = store.current.get(e.data.tag) ?? [];
    if (old.length > 0 && old[old.length - 1].t >= t) return;
    store.current.set(e.data.tag, [...old.filter((s) => s.t > from), { t, v }]);
    setVersion((n) => n + 1);
  });

  return { samples: store.current, error };
}
