import { fmtNumber } from '../i18n/i18n';
import { EmptyState, Loading, Panel, ProblemView, Stat } from '../ui/common';
import { useResource } from '../ui/useResource';
import './ingest/ingest.css';
import { t } from './ingest/labels';
import { QuarantinePanel } from './ingest/QuarantinePanel';
import { SourcesTable } from './ingest/SourcesTable';
import { IngestStatus } from './ingest/types';

/** How often the sources' status is asked for again. */
const REFRESH_MS = 3000;

/** Ingest: every source's connection and rate, silent and unknown tags, and the quarantine by reason. */
export function Ingest() {
  const status = useResource<IngestStatus>('/api/ingest/status', REFRESH_MS);
  const s = status.data;
  let body;
  if (status.error && !s) body = <ProblemView error={status.error} onRetry={status.reload} />;
  else if (!s) body = <Loading />;
  else if (!s.enabled) body = <EmptyState title={t('disabled')} detail={t('disabledDetail')} icon="⏻" />;
  else {
    const silent = s.silentTags ?? [];
    const unknown = s.unknownTags ?? [];
    body = (
      <>
        <div class="stats">
          <Stat label={t('tagsConfigured')} value={fmtNumber(s.tagsConfigured, 0)} />
          <Stat label={t('silent')} value={fmtNumber(s.silentTagCount, 0)} level={(s.silentTagCount ?? 0) > 0 ? 'warn' : 'ok'} />
          <Stat label={t('unknown')} value={fmtNumber(unknown.length, 0)} level={unknown.length > 0 ? 'warn' : 'ok'} />
          {Object.entries(s.frames ?? {}).map(([furnace, n]) => (
            <Stat key={furnace} label={t('frames', { furnace })} value={fmtNumber(n, 0)} />
          ))}
        </div>
        {silent.length > 0 && <p class="small muted tag-list">{t('silentList', { tags: silent.join(', ') })}</p>}
        {unknown.length > 0 && <p class="small muted tag-list">{t('unknownList', { tags: unknown.join(', ') })}</p>}
        <Panel title={t('sources')} wide>
          {(s.sources ?? []).length === 0 ? <EmptyState title={t('noSources')} /> : <SourcesTable sources={s.sources ?? []} />}
        </Panel>
        <QuarantinePanel status={s} />
      </>
    );
  }
  return (
    <div class="stack">
      <div class="view-head">
        <h1>{t('title')}</h1>
        {s?.kafka && <span class="muted mono small">{t('kafka', { servers: s.kafka })}</span>}
      </div>
      {body}
    </div>
  );
}
