import { fmtDateTime, fmtNumber, fmtTime } from '../../i18n/i18n';
import { stateName, t } from './labels';
import { Source, stateLevel } from './types';

/** Every source: its state (coloured), endpoint, rate, lag, reconnects and last error. */
export function SourcesTable(props: { sources: Source[] }) {
  return (
    <div class="table-scroll">
      <table aria-label={t('sources')}>
        <thead>
          <tr>
            <th>{t('source')}</th>
            <th>{t('state')}</th>
            <th>{t('endpoint')}</th>
            <th class="num">{t('rate')}</th>
            <th class="num">{t('readings')}</th>
            <th class="num">{t('lag')}</th>
            <th class="num">{t('reconnects')}</th>
            <th>{t('lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {props.sources.map((s) => (
            <tr key={s.name} data-testid={`source-${s.name}`} class={`source-${stateLevel(s.state) || 'none'}`}>
              <td>
                <strong>{s.name}</strong>
              </td>
              <td>
                <span class={`badge ${stateLevel(s.state)}`}>{stateName(s.state)}</span>
                <div class="small muted" title={s.since}>
                  {t('since')} {fmtTime(s.since)}
                </div>
              </td>
              <td class="mono small endpoint">{s.endpoint}</td>
              <td class="num">{fmtNumber(s.readingsPerSecond, 1)}</td>
              <td class="num">{fmtNumber(s.readings, 0)}</td>
              <td class="num">{s.lag === null ? '—' : fmtNumber(s.lag, 0)}</td>
              <td class={`num${s.reconnects > 0 ? ' reconnected' : ''}`}>{fmtNumber(s.reconnects, 0)}</td>
              <td class="small">
                {s.lastError ? (
                  <>
                    <span class="last-error">{s.lastError}</span>
                    {s.lastErrorAt && <div class="muted">{fmtDateTime(s.lastErrorAt)}</div>}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
