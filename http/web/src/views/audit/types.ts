/** One entry of `GET /api/audit` (AuditEntry in the OpenAPI document). */
export interface AuditEntry {
  at: string;
  id: string;
  actor: string;
  roles: string[];
  /** The furnace concerned, `*` for plant-wide calls. */
  furnace: string;
  /** Method and template, e.g. `POST /api/furnaces/{id}/setpoints`. */
  action: string;
  path: string;
  status: number;
  /** `ok`, or the problem code answered. */
  outcome: string;
  correlationId: string;
}

export interface AuditResponse {
  entries: AuditEntry[];
}

/** What the trail is narrowed to; empty strings leave a parameter out (`from`/`to`: ISO instants). */
export interface AuditFilter {
  furnace: string;
  actor: string;
  from: string;
  to: string;
  limit: number;
}

export const NO_FILTER: AuditFilter = { furnace: '', actor: '', from: '', to: '', limit: 100 };

/** The audit request for `f`. */
export function auditPath(f: AuditFilter): string {
  const q = new URLSearchParams();
  if (f.furnace) q.set('furnace', f.furnace);
  if (f.actor.trim()) q.set('actor', f.actor.trim());
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  q.set('limit', String(f.limit));
  return `/api/audit?${q.toString()}`;
}

/** A `datetime-local` value as an ISO instant (empty: none). */
export function isoOfLocal(value: string): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}

/** The level of an HTTP status: 2xx fine, 4xx refused, 5xx failed. */
export function statusLevel(status: number): 'ok' | 'warn' | 'alarm' {
  if (status >= 500) return 'alarm';
  if (status >= 400) return 'warn';
  return 'ok';
}
