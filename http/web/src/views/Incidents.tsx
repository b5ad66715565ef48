import { useEffect, useState } from 'preact/hooks';
import { usePlant } from '../api/plant';
import { fmtTime, messages } from '../i18n/i18n';
import { useLive, useNow } from '../live/live';
import { EmptyState, Loading, Panel, ProblemView } from '../ui/common';
import { useResource } from '../ui/useResource';
import { filterFromSearch, IncidentFilter, incidentsPath, searchOf } from './incident/filters';
import { IncidentFilters } from './incident/IncidentFilters';
import { IncidentTable } from './incident/IncidentTable';
import { IncidentList } from './incident/types';
import './incident/incident.css';

/** How often the list is fetched again besides the live `incidents` events. */
export const INCIDENTS_REFRESH_MS = 15_000;

const t = messages(
  {
    title: 'Incidents',
    list: 'Incidents, newest first',
    open: '{n} open',
    shown: '{n} shown',
    updated: 'updated {time}',
    none: 'No incidents',
    noneDetail: 'No incident matches these filters. One opens when an alarm or a defect rate crosses its limit.',
  },
  {
    title: 'Инциденты',
    list: 'Инциденты, новые сверху',
    open: 'открыто: {n}',
    shown: 'показано: {n}',
    updated: 'обновлено {time}',
    none: 'Инцидентов нет',
    noneDetail: 'Нет инцидентов под эти фильтры. Инцидент открывается, когда аварийный сигнал или доля брака выходит за предел.',
  },
);

/** The incidents list (`/incidents`): filtered by furnace and status, live, each linking to its page. */
export function Incidents() {
  const { plant } = usePlant();
  const [filter, setFilter] = useState<IncidentFilter>(() => filterFromSearch(location.search));
  const list = useResource<IncidentList>(incidentsPath(filter), INCIDENTS_REFRESH_MS);
  const now = useNow(30_000);
  const [updated, setUpdated] = useState<number | null>(null);
  useLive('incidents', () => list.reload());

  const change = (next: IncidentFilter) => {
    setFilter(next);
    history.replaceState(history.state, '', location.pathname + searchOf(next));
  };

  useEffect(() => {
    if (list.data) setUpdated(Date.now());
  }, [list.data]);

  const rows = list.data?.incidents ?? [];
  const openCount = rows.filter((i) => i.status === 'open').length;

  return (
    <div class="stack">
      <div class="view-head">
        <h1>{t('title')}</h1>
        {list.data && (
          <span class="muted small">
            {t('shown', { n: rows.length })} · <strong class={openCount > 0 ? 'text-alarm' : undefined}>{t('open', { n: openCount })}</strong>
          </span>
        )}
      </div>
      <Panel
        title={t('list')}
        actions={<IncidentFilters furnaces={plant?.furnaces ?? []} value={filter} onChange={change} />}
      >
        {list.error && <ProblemView error={list.error} onRetry={list.reload} />}
        {!list.data && !list.error && <Loading />}
        {list.data && rows.length === 0 && <EmptyState title={t('none')} detail={t('noneDetail')} icon="✓" />}
        {rows.length > 0 && <IncidentTable incidents={rows} now={now} />}
        {updated !== null && <div class="muted small refreshed">{t('updated', { time: fmtTime(updated) })}</div>}
      </Panel>
    </div>
  );
}
