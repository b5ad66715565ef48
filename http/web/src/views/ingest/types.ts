/** One source of `GET /api/ingest/status`. */
export interface Source {
  name: string;
  /** `connecting`, `connected`, `failed` or `stopped`. */
  state: string;
  endpoint: string;
  since: string;
  messages: number;
  readings: number;
  readingsPerSecond: number;
  lag: number | null;
  reconnects: number;
  lastError: string | null;
  lastErrorAt: string | null;
}

/** `GET /api/ingest/status`. */
export interface IngestStatus {
  enabled: boolean;
  kafka?: string | null;
  sources?: Source[] | null;
  /** Quarantined inputs counted by source, then by reason. */
  quarantined?: Record<string, Record<string, number>> | null;
  tagsConfigured?: number;
  silentTagCount?: number;
  silentTags?: string[] | null;
  unknownTags?: string[] | null;
  /** Frames taken per furnace. */
  frames?: Record<string, number> | null;
}

/** One quarantined input (`QuarantineResponse.Entry`). */
export interface QuarantineEntry {
  partition: number;
  offset: number;
  at: string;
  source: string;
  reason: string;
  detail?: string;
  tag?: string;
  ts?: string;
  value?: number;
  payloadEncoding?: string;
  payload?: string;
}

export interface QuarantineResponse {
  count: number;
  records: QuarantineEntry[];
}

/** What the quarantine list is narrowed to. */
export interface QuarantineFilter {
  reason: string;
  source: string;
  limit: number;
}

/** The quarantine request for `f` (empty reason or source: any). */
export function quarantinePath(f: QuarantineFilter): string {
  const q = new URLSearchParams({ limit: String(f.limit) });
  if (f.reason) q.set('reason', f.reason);
  if (f.source) q.set('source', f.source);
  return `/api/quarantine?${q.toString()}`;
}

/** The quarantine counts summed over sources, per reason, largest first. */
export function countsByReason(q: IngestStatus['quarantined']): [string, number][] {
  const out = new Map<string, number>();
  for (const byReason of Object.values(q ?? {})) {
    for (const [reason, n] of Object.entries(byReason)) out.set(reason, (out.get(reason) ?? 0) + n);
  }
  return [...out.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The level of a source's state: connected is fine, connecting a warning, failed an alarm. */
export function stateLevel(state: string): 'ok' | 'warn' | 'alarm' | '' {
  switch (state) {
    case 'connected':
      return 'ok';
    case 'connecting':
      return 'warn';
    case 'failed':
      return 'alarm';
    default:
      return '';
  }
}
