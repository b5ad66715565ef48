import { fmtDateTime } from '../../i18n/i18n';
import { t } from './labels';
import { AuditEntry, statusLevel } from './types';

/** The audited calls: when, who (with roles), action and path, furnace, status, outcome, correlation id. */
export function AuditTable(props: { entries: AuditEntry[] }) {
  return (
    <div class="table-scroll">
      <table aria-label={t('entries')}>
        <thead>
          <tr>
            <th>{t('when')}</th>
            <th>{t('who')}</th>
            <th>{t('action')}</th>
            <th>{t('target')}</th>
            <th class="num">{t('status')}</th>
            <th>{t('outcome')}</th>
            <th>{t('correlation')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr key={e.id} data-testid="audit-entry">
              <td class="small" title={e.at}>
                <time dateTime={e.at}>{fmtDateTime(e.at)}</time>
              </td>
              <td>
                <strong>{e.actor}</strong>
                <div class="small muted">{e.roles.join(', ')}</div>
              </td>
              <td class="mono small">
                {e.action}
                {e.path && e.path !== e.action.split(' ')[1] && <div class="muted">{e.path}</div>}
              </td>
              <td>{e.furnace === '*' ? <span class="muted">{t('plantWide')}</span> : e.furnace}</td>
              <td class="num">
                <span class={`badge ${statusLevel(e.status)}`}>{e.status}</span>
              </td>
              <td class={e.outcome === 'ok' ? '' : 'audit-refused'}>{e.outcome}</td>
              <td class="mono small correlation">{e.correlationId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
