import { useState } from 'preact/hooks';
import { EmptyState, Loading, Panel, ProblemView } from '../../ui/common';
import { useResource } from '../../ui/useResource';
import { t } from './labels';
import { QuarantineTable } from './QuarantineTable';
import { ReasonBars } from './ReasonBars';
import { countsByReason, IngestStatus, QuarantineFilter, quarantinePath, QuarantineResponse } from './types';

const REFRESH_MS = 5000;
const LIMITS = [20, 50, 100, 200];

/** The quarantine: counts by reason (bars that filter), and the latest records for the chosen reason and source. */
export function QuarantinePanel(props: { status: IngestStatus }) {
  const [filter, setFilter] = useState<QuarantineFilter>({ reason: '', source: '', limit: 50 });
  const list = useResource<QuarantineResponse>(quarantinePath(filter), REFRESH_MS);
  const counts = countsByReason(props.status.quarantined);
  const reasons = [...new Set([...counts.map(([r]) => r), ...(filter.reason ? [filter.reason] : [])])].sort();
  const sources = [...new Set([...Object.keys(props.status.quarantined ?? {}), ...(props.status.sources ?? []).map((s) => s.name)])].sort();
  const set = (patch: Partial<QuarantineFilter>) => setFilter((f) => ({ ...f, ...patch }));

  let records;
  if (list.error && !list.data) records = <ProblemView error={list.error} onRetry={list.reload} />;
  else if (!list.data) records = <Loading />;
  else if (list.data.records.length === 0)
    records =
      counts.length === 0 && !filter.reason && !filter.source ? (
        <EmptyState title={t('noQuarantine')} detail={t('noQuarantineDetail')} icon="✓" />
      ) : (
        <EmptyState title={t('noRecords')} />
      );
  else records = <QuarantineTable records={list.data.records} />;

  return (
    <Panel title={t('quarantine')} wide>
      {counts.length > 0 && (
        <>
          <h3>{t('byReason')}</h3>
          <ReasonBars counts={counts} selected={filter.reason} onSelect={(reason) => set({ reason })} />
        </>
      )}
      <div class="row">
        <h3>{t('latest')}</h3>
        <label for="q-reason">{t('reason')}</label>
        <select id="q-reason" value={filter.reason} onChange={(e) => set({ reason: (e.target as HTMLSelectElement).value })}>
          <option value="">{t('anyReason')}</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <label for="q-source">{t('source')}</label>
        <select id="q-source" value={filter.source} onChange={(e) => set({ source: (e.target as HTMLSelectElement).value })}>
          <option value="">{t('anySource')}</option>
          {sources.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <label for="q-limit">{t('limit')}</label>
        <select id="q-limit" value={String(filter.limit)} onChange={(e) => set({ limit: Number((e.target as HTMLSelectElement).value) })}>
          {LIMITS.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
        {(filter.reason || filter.source) && (
          <button type="button" class="btn small" onClick={() => set({ reason: '', source: '' })}>
            {t('clear')}
          </button>
        )}
      </div>
      {records}
    </Panel>
  );
}
