import type { AuditEntry } from './types';

/** An audited call at `at`, by `actor`, answered `status`. */
export function entry(id: string, at: string, actor = 'anna', status = 200, outcome = 'ok'): AuditEntry {
  return {
    at,
    id,
    actor,
    roles: ['operator'],
    furnace: 'F1',
    action: 'POST /api/furnaces/{id}/setpoints',
    path: '/api/furnaces/F1/setpoints',
    status,
    outcome,
    correlationId: `corr-${id}`,
  };
}

export const ENTRIES: AuditEntry[] = [
  entry('e3', '2026-12-03T16:03:00Z'),
  entry('e2', '2026-12-03T16:02:00Z', 'boris', 422, 'step-too-large'),
  { ...entry('e1', '2026-12-03T16:01:00Z', 'dev-admin'), furnace: '*', action: 'POST /api/tag-map', path: '/api/tag-map', roles: ['admin'] },
];
