import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, seg } from '../../api/client';
import { useLive } from '../../live/live';
import { useResource } from '../../ui/useResource';
import { applyFurnaceEvent } from './furnaceState';
import type { FurnaceView } from './types';

/** How often the furnace is fetched again (the write status of a change has no event of its own). */
const REFRESH_MS = 15_000;

export interface LiveFurnace {
  view: FurnaceView | null;
  error: ApiError | null;
  loading: boolean;
  reload: () => void;
}

/**
 * A furnace's setpoints, autonomy mode and alarms: fetched, then kept live from its
 * `furnace/{id}` topic; a setpoint event also fetches it again soon for the reason and the write status.
 */
export function useFurnace(furnace: string): LiveFurnace {
  const res = useResource<FurnaceView>(`/api/furnaces/${seg(furnace)}`, REFRESH_MS);
  const [view, setView] = useState<FurnaceView | null>(null);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => setView(res.data), [res.data]);
  useEffect(() => () => {
    if (pending.current) clearTimeout(pending.current);
  }, []);

  useLive(`furnace/${furnace}`, (e) => {
    if (e.type !== 'furnace' && e.type !== 'alarm') return;
    setView((v) => (v ? applyFurnaceEvent(v, e) : v));
    if (e.type === 'furnace' && !pending.current) {
      pending.current = setTimeout(() => {
        pending.current = null;
        res.reload();
      }, 1500);
    }
  });

  return { view, error: res.error, loading: res.loading, reload: res.reload };
}
