import { useEffect, useRef, useState } from 'preact/hooks';
import { useLive } from '../../live/live';

/** The latest reading of one of the furnace's tags (the tag without its furnace prefix). */
export interface LineReading {
  value: number;
  at: number;
}

/** The latest readings by tag suffix (`fh.Z1`, `regen.L.top`, `insp.reject.crack`, …). */
export type LineReadings = Readonly<Record<string, LineReading>>;

/**
 * The furnace's sensor readings from its live topic `furnace/{id}`, collected as they arrive and
 * handed to the component at most every `everyMs` (the topic carries dozens of readings a second).
 */
export function useLineReadings(furnace: string, everyMs = 1000): LineReadings {
  const latest = useRef<Record<string, LineReading>>({});
  const dirty = useRef(false);
  const [snapshot, setSnapshot] = useState<LineReadings>({});
  const prefix = `${furnace}.`;

  useLive(`furnace/${furnace}`, (e) => {
    if (e.type !== 'sensor' || !e.data || typeof e.data.tag !== 'string' || typeof e.data.value !== 'number') return;
    const tag: string = e.data.tag;
    if (!tag.startsWith(prefix)) return;
    const at = Date.parse(e.data.readingTs) || e.ts;
    latest.current[tag.slice(prefix.length)] = { value: e.data.value, at };
    dirty.current = true;
  });

  useEffect(() => {
    latest.current = {};
    setSnapshot({});
    const timer = setInterval(() => {
      if (!dirty.current) return;
      dirty.current = false;
      setSnapshot({ ...latest.current });
    }, everyMs);
    return () => clearInterval(timer);
  }, [furnace, everyMs]);

  return snapshot;
}

/** Rejects per 1000 inspected items by class, from the inspection counters (null: not counted yet). */
export function rejectRates(readings: LineReadings, classes: readonly string[]): Record<string, number | null> {
  const inspected = readings['insp.inspected']?.value;
  const out: Record<string, number | null> = {};
  for (const c of classes) {
    const rejects = readings[`insp.reject.${c}`]?.value;
    out[c] = rejects !== undefined && inspected !== undefined && inspected > 0 ? (1000 * rejects) / inspected : null;
  }
  return out;
}
