/** An event on the node's WebSocket (`WsEventEnvelope` in the OpenAPI document). */
export interface LiveEvent {
  type: string;
  topic: string;
  furnace: string;
  ts: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** Where the connection stands, as the header shows it. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'signed-out' | 'stopped';

export type Handler = (event: LiveEvent) => void;

interface SocketLike {
  readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketFactory = (url: string) => SocketLike;

export interface LiveOptions {
  url: string;
  token: () => string | null;
  socket?: SocketFactory;
  /** First reconnect delay; doubled per failed try up to `maxDelayMs`, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Reconnect when nothing (not even a heartbeat) arrived for this long. */
  silenceMs?: number;
  random?: () => number;
  onSignedOut?: () => void;
}

/** The delay before reconnect try `attempt` (0-based): exponential, capped, with ±50 % jitter. */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 20));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/**
 * One WebSocket to the node for the whole page: authenticates with the first message, keeps the
 * topics its subscribers ask for (counted, so that two panels may share one), resubscribes them
 * after a reconnect, reconnects with exponential backoff, and goes back to the sign-in when the
 * token is refused or expires.
 */
export class LiveSocket {
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly stateListeners = new Set<(s: ConnectionState) => void>();
  private socket: SocketLike | null = null;
  private state: ConnectionState = 'stopped';
  private attempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private silenceTimer: ReturnType<typeof setTimeout> | null = null;
  private authenticated = false;
  private messages = 0;
  private readonly opts: Required<Omit<LiveOptions, 'onSignedOut'>> & Pick<LiveOptions, 'onSignedOut'>;

  constructor(options: LiveOptions) {
    this.opts = {
      socket: (url) => new WebSocket(url) as unknown as SocketLike,
      baseDelayMs: 500,
      maxDelayMs: 30_000,
      silenceMs: 40_000,
      random: Math.random,
      ...options,
    };
  }

  /** Messages received since the page opened (the dashboard's message rate is measured on it). */
  received(): number {
    return this.messages;
  }

  connectionState(): ConnectionState {
    return this.state;
  }

  onState(listener: (s: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Calls `handler` with every event of `topic` until the returned function is called. */
  subscribe(topic: string, handler: Handler): () => void {
    let set = this.handlers.get(topic);
    if (!set) {
      set = new Set();
      this.handlers.set(topic, set);
      if (this.authenticated) this.send({ type: 'subscribe', topics: [topic] });
    }
    set.add(handler);
    return () => {
      const s = this.handlers.get(topic);
      if (!s) return;
      s.delete(handler);
      if (s.size === 0) {
        this.handlers.delete(topic);
        if (this.authenticated) this.send({ type: 'unsubscribe', topics: [topic] });
      }
    };
  }

  start(): void {
    if (this.state !== 'stopped' && this.state !== 'signed-out') return;
    this.attempt = 0;
    this.open();
  }

  stop(): void {
    this.clearTimers();
    this.setState('stopped');
    const s = this.socket;
    this.socket = null;
    this.authenticated = false;
    s?.close(1000, 'closed by the page');
  }

  private open(): void {
    const token = this.opts.token();
    if (!token) {
      this.setState('signed-out');
      return;
    }
    this.setState(this.attempt === 0 ? 'connecting' : 'reconnecting');
    const socket = this.opts.socket(this.opts.url);
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.send({ type: 'auth', token });
      this.watchSilence();
    };
    socket.onmessage = (ev) => {
      if (this.socket !== socket) return;
      this.messages++;
      this.watchSilence();
      this.receive(String(ev.data));
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.authenticated = false;
      if (this.state !== 'signed-out' && this.state !== 'stopped') this.retry();
    };
    socket.onerror = () => {
      /* onclose follows */
    };
  }

  private receive(text: string): void {
    let m: LiveEvent & { code?: string; topics?: string[] };
    try {
      m = JSON.parse(text);
    } catch {
      return;
    }
    switch (m.type) {
      case 'authenticated': {
        this.authenticated = true;
        this.attempt = 0;
        this.setState('open');
        const topics = [...this.handlers.keys()];
        if (topics.length > 0) this.send({ type: 'subscribe', topics });
        return;
      }
      case 'error':
        if (m.code === 'invalid-token' || m.code === 'token-expired' || m.code === 'forbidden') {
          this.clearTimers();
          this.setState('signed-out');
          this.socket?.close(1000, 'signed out');
          this.socket = null;
          this.authenticated = false;
          this.opts.onSignedOut?.();
        }
        return;
      case 'subscribed':
      case 'unsubscribed':
      case 'heartbeat':
        return;
      default:
        this.handlers.get(m.topic)?.forEach((h) => h(m));
    }
  }

  private retry(): void {
    this.clearTimers();
    const delay = backoffDelay(this.attempt, this.opts.baseDelayMs, this.opts.maxDelayMs, this.opts.random);
    this.attempt++;
    this.setState('reconnecting');
    this.retryTimer = setTimeout(() => this.open(), delay);
  }

  private watchSilence(): void {
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.silenceTimer = setTimeout(() => {
      const s = this.socket;
      this.socket = null;
      this.authenticated = false;
      s?.close(4000, 'silent');
      this.retry();
    }, this.opts.silenceMs);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.silenceTimer) clearTimeout(this.silenceTimer);
    this.retryTimer = null;
    this.silenceTimer = null;
  }

  private send(message: object): void {
    if (this.socket && this.socket.readyState === 1) this.socket.send(JSON.stringify(message));
  }

  private setState(s: ConnectionState): void {
    if (this.state === s) return;
    this.state = s;
    this.stateListeners.forEach((l) => l(s));
  }
}
