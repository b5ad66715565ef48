/**
 * A stand-in for the live module in tests: `useLive` registers handlers here, and `emit` delivers
 * an event to them as the WebSocket would. Use with
 * `vi.mock('../../live/live', async () => (await import('../furnace/testLive')).liveModule())`.
 */
import { useEffect, useRef } from 'preact/hooks';
import { vi } from 'vitest';
import type { LiveEvent } from '../../live/LiveSocket';

const handlers = new Map<string, Set<(e: LiveEvent) => void>>();

function useLive(topic: string | null, handler: (e: LiveEvent) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!topic) return undefined;
    const set = handlers.get(topic) ?? new Set();
    handlers.set(topic, set);
    const h = (e: LiveEvent) => ref.current(e);
    set.add(h);
    return () => set.delete(h);
  }, [topic]);
}

/** Delivers `event` to the handlers of its topic. */
export function emit(type: string, topic: string, data: unknown): void {
  const e: LiveEvent = { type, topic, furnace: topic.split('/')[1] ?? '', ts: Date.now(), data };
  handlers.get(topic)?.forEach((h) => h(e));
}

/** The live module with `useLive` replaced. */
export async function liveModule() {
  const real = await vi.importActual<typeof import('../../live/live')>('../../live/live');
  return { ...real, useLive };
}
