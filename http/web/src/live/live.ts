import { useEffect, useRef, useState } from 'preact/hooks';
import { currentToken, signOut } from '../api/session';
import { ConnectionState, LiveEvent, LiveSocket } from './LiveSocket';

const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';

/** The page's one connection to the node's WebSocket. */
export const live = new LiveSocket({
  url: `${scheme}//${location.host}/ws`,
  token: currentToken,
  onSignedOut: signOut,
});

// The end-to-end test and the soak benchmark read the message count from the page.
(window as unknown as { __vitrumLive: LiveSocket }).__vitrumLive = live;

/** Calls `handler` with each event of `topic` while the component is mounted (null: none). */
export function useLive(topic: string | null, handler: (e: LiveEvent) => void): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!topic) return undefined;
    return live.subscribe(topic, (e) => ref.current(e));
  }, [topic]);
}

export function useConnectionState(): ConnectionState {
  const [s, set] = useState<ConnectionState>(live.connectionState());
  useEffect(() => live.onState(set), []);
  return s;
}

/** The time now, refreshed every `everyMs`: for staleness marks and relative times. */
export function useNow(everyMs = 1000): number {
  const [now, set] = useState(Date.now());
  useEffect(() => {
    const t = setInterval(() => set(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

/** How long a live value stays fresh; older ones are marked stale. */
export const STALE_AFTER_MS = 30_000;

/** Whether a value received at `at` (epoch ms) is stale at `now`. */
export function isStale(at: number | null | undefined, now: number, afterMs = STALE_AFTER_MS): boolean {
  return at === null || at === undefined || now - at > afterMs;
}
