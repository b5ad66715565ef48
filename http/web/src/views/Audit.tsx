import { useState } from 'preact/hooks';
import { usePlant } from '../api/plant';
import { hasRole } from '../api/session';
import { EmptyState, Loading, Panel, ProblemView } from '../ui/common';
import { useResource } from '../ui/useResource';
import './audit/audit.css';
import { AuditFilters } from './audit/AuditFilters';
import { t } from './audit/labels';
import { AuditTable } from './audit/AuditTable';
import { AuditFilter, auditPath, AuditResponse, NO_FILTER } from './audit/types';

/** The audit trail for admins: filterable by furnace, caller and time, paged back in time. */
export function Audit() {
  if (!hasRole('admin')) {
    return <EmptyState title={t('adminsOnly')} detail={t('adminsOnlyDetail')} icon="🔒" />;
  }
  return <AuditTrail />;
}

function AuditTrail() {
  const { plant } = usePlant();
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  // The `to` of each page before this one: the trail is newest first, and `to` is exclusive.
  const [pages, setPages] = useState<string[]>([]);
  const page = useResource<AuditResponse>(auditPath(filter));
  const entries = page.data?.entries ?? [];
  const apply = (f: AuditFilter) => {
    setPages([]);
    setFilter(f);
  };
  const older = () => {
    setPages((p) => [...p, filter.to]);
    setFilter((f) => ({ ...f, to: entries[entries.length - 1].at }));
  };
  const newer = () => {
    const previous = pages[pages.length - 1] ?? '';
    setPages((p) => p.slice(0, -1));
    setFilter((f) => ({ ...f, to: previous }));
  };

  let body;
  if (page.error && !page.data) body = <ProblemView error={page.error} onRetry={page.reload} />;
  else if (!page.data) body = <Loading />;
  else if (entries.length === 0 && pages.length === 0) body = <EmptyState title={t('empty')} detail={t('emptyDetail')} icon="☰" />;
  else body = <AuditTable entries={entries} />;

  return (
    <div class="stack">
      <div class="view-head">
        <h1>{t('title')}</h1>
        <span class="muted">{t('subtitle')}</span>
      </div>
      <Panel title={t('entries')} wide>
        <AuditFilters furnaces={plant?.furnaces ?? []} onApply={apply} />
        {body}
        {page.data && (entries.length > 0 || pages.length > 0) && (
          <div class="row audit-pager">
            <div class="row">
              <button type="button" class="btn small" disabled={pages.length === 0} onClick={newer}>
                {t('newer')}
              </button>
              <button type="button" class="btn small" disabled={pages.length === 0} onClick={() => apply({ ...filter, to: pages[0] ?? '' })}>
                {t('newest')}
              </button>
            </div>
            <span class="small muted">{t('page', { n: pages.length + 1, count: entries.length })}</span>
            <button type="button" class="btn small" disabled={entries.length < filter.limit} onClick={older}>
              {t('older')}
            </button>
          </div>
        )}
      </Panel>
    </div>
  );
}
