import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, LiveEvent, LiveSocket } from './LiveSocket';

class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: unknown[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  server(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop() {
    this.readyState = 3;
    this.onclose?.({});
  }
}

function socket(token: string | null = 'a.b.c', onSignedOut = () => {}) {
  return new LiveSocket({
    url: 'ws://node/ws',
    token: () => token,
    socket: (url) => new FakeSocket(url),
    random: () => 1,
    onSignedOut,
  });
}

describe('LiveSocket', () => {
  beforeEach(() => {
    FakeSocket.all = [];
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('authenticates first, then subscribes to the topics asked for before and after', () => {
    const live = socket();
    const got: LiveEvent[] = [];
    live.subscribe('furnace/F1', (e) => got.push(e));
    live.start();
    const ws = FakeSocket.all[0];
    ws.open();
    expect(ws.sent).toEqual([{ type: 'auth', token: 'a.b.c' }]);
    ws.server({ type: 'authenticated', subject: 'dev', expiresAt: '2030-01-01T00:00:00Z' });
    expect(live.connectionState()).toBe('open');
    expect(ws.sent[1]).toEqual({ type: 'subscribe', topics: ['furnace/F1'] });
    live.subscribe('alerts', () => {});
    expect(ws.sent[2]).toEqual({ type: 'subscribe', topics: ['alerts'] });
    ws.server({ type: 'sensor', topic: 'furnace/F1', furnace: 'F1', ts: 1, data: { tag: 'F1.crown.T1', value: 1500 } });
    ws.server({ type: 'sensor', topic: 'furnace/F2', furnace: 'F2', ts: 1, data: {} });
    expect(got.map((e) => e.data.value)).toEqual([1500]);
  });

  it('shares a topic between subscribers and leaves it when the last one goes', () => {
    const live = socket();
    live.start();
    const ws = FakeSocket.all[0];
    ws.open();
    ws.server({ type: 'authenticated' });
    const a = live.subscribe('twin/F1', () => {});
    const b = live.subscribe('twin/F1', () => {});
    a();
    expect(ws.sent.filter((m) => (m as { type: string }).type === 'unsubscribe')).toEqual([]);
    b();
    expect(ws.sent.at(-1)).toEqual({ type: 'unsubscribe', topics: ['twin/F1'] });
  });

  it('reconnects with growing delays and resubscribes', () => {
    const live = socket();
    live.subscribe('alerts', () => {});
    live.start();
    FakeSocket.all[0].open();
    FakeSocket.all[0].server({ type: 'authenticated' });
    FakeSocket.all[0].drop();
    expect(live.connectionState()).toBe('reconnecting');
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all.length).toBe(1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all.length).toBe(2);
    FakeSocket.all[1].drop();
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all.length).toBe(2);
    vi.advanceTimersByTime(1);
    const third = FakeSocket.all[2];
    third.open();
    third.server({ type: 'authenticated' });
    expect(third.sent).toEqual([{ type: 'auth', token: 'a.b.c' }, { type: 'subscribe', topics: ['alerts'] }]);
    expect(live.connectionState()).toBe('open');
  });

  it('reconnects when even heartbeats stop', () => {
    const live = socket();
    live.start();
    FakeSocket.all[0].open();
    FakeSocket.all[0].server({ type: 'authenticated' });
    vi.advanceTimersByTime(39_000);
    FakeSocket.all[0].server({ type: 'heartbeat', ts: 1 });
    vi.advanceTimersByTime(39_000);
    expect(FakeSocket.all[0].closed).toBe(false);
    vi.advanceTimersByTime(1_001);
    expect(FakeSocket.all[0].closed).toBe(true);
    expect(live.connectionState()).toBe('reconnecting');
  });

  it('signs out, and stops retrying, when the token is refused', () => {
    const signedOut = vi.fn();
    const live = socket('a.b.c', signedOut);
    live.start();
    FakeSocket.all[0].open();
    FakeSocket.all[0].server({ type: 'error', code: 'token-expired', message: 'expired' });
    expect(live.connectionState()).toBe('signed-out');
    expect(signedOut).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(120_000);
    expect(FakeSocket.all.length).toBe(1);
  });

  it('does not connect without a token', () => {
    const live = socket(null);
    live.start();
    expect(FakeSocket.all.length).toBe(0);
    expect(live.connectionState()).toBe('signed-out');
  });

  it('backs off exponentially with jitter up to the cap', () => {
    expect(backoffDelay(0, 500, 30_000, () => 1)).toBe(500);
    expect(backoffDelay(3, 500, 30_000, () => 1)).toBe(4000);
    expect(backoffDelay(3, 500, 30_000, () => 0)).toBe(2000);
    expect(backoffDelay(12, 500, 30_000, () => 1)).toBe(30_000);
  });
});
