import { IncidentStatus } from './types';

/** What the incidents list is narrowed to; empty strings mean "all". */
export interface IncidentFilter {
  furnace: string;
  status: IncidentStatus | '';
}

/** The list request for `filter`: `/api/incidents?furnace=F2&status=open`, without empty parameters. */
export function incidentsPath(filter: IncidentFilter): string {
  const q = new URLSearchParams();
  if (filter.furnace) q.set('furnace', filter.furnace);
  if (filter.status) q.set('status', filter.status);
  const s = q.toString();
  return s ? `/api/incidents?${s}` : '/api/incidents';
}

/** The filter a page address carries (`?furnace=F2&status=open`), so that a filtered list can be linked. */
export function filterFromSearch(search: string): IncidentFilter {
  const q = new URLSearchParams(search);
  const status = q.get('status');
  return {
    furnace: q.get('furnace') ?? '',
    status: status === 'open' || status === 'closed' ? status : '',
  };
}

/** The page address's query for `filter` ('' when nothing is filtered). */
export function searchOf(filter: IncidentFilter): string {
  const q = new URLSearchParams();
  if (filter.furnace) q.set('furnace', filter.furnace);
  if (filter.status) q.set('status', filter.status);
  const s = q.toString();
  return s ? `?${s}` : '';
}
