import { fmtDateTime, messages } from '../../i18n/i18n';
import { defectName, faultName, fmtDuration, statusBadge, statusName } from './labels';
import { IncidentSummary } from './types';

const t = messages(
  {
    incident: 'Incident',
    furnace: 'Furnace',
    defect: 'Defect or sensor',
    status: 'Status',
    opened: 'Opened',
    closed: 'Closed',
    duration: 'Duration',
    topCause: 'Top cause',
    notAnalysed: 'not analysed yet',
    noCause: 'no cause found',
  },
  {
    incident: 'Инцидент',
    furnace: 'Печь',
    defect: 'Дефект или датчик',
    status: 'Состояние',
    opened: 'Открыт',
    closed: 'Закрыт',
    duration: 'Длительность',
    topCause: 'Главная причина',
    notAnalysed: 'ещё не проанализирован',
    noCause: 'причина не найдена',
  },
);

/** Newest first, whatever order the rows came in. */
export function newestFirst(rows: IncidentSummary[]): IncidentSummary[] {
  return [...rows].sort((a, b) => Date.parse(b.openedAt) - Date.parse(a.openedAt));
}

/** The incidents as a table, newest first; each id links to its page. */
export function IncidentTable(props: { incidents: IncidentSummary[]; now: number }) {
  return (
    <div class="table-scroll">
      <table class="incident-table">
        <thead>
          <tr>
            <th scope="col">{t('incident')}</th>
            <th scope="col">{t('furnace')}</th>
            <th scope="col">{t('defect')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('opened')}</th>
            <th scope="col">{t('closed')}</th>
            <th scope="col" class="num">
              {t('duration')}
            </th>
            <th scope="col">{t('topCause')}</th>
          </tr>
        </thead>
        <tbody>
          {newestFirst(props.incidents).map((i) => (
            <tr key={i.id} class={i.status === 'open' ? 'is-open' : undefined}>
              <td>
                <a href={`/incidents/${encodeURIComponent(i.id)}`} class="mono">
                  {i.id}
                </a>
              </td>
              <td>
                <a href={`/furnaces/${encodeURIComponent(i.furnace)}`}>{i.furnace}</a>
              </td>
              <td>
                {defectName(i.defect)}
                {i.tag && <span class="mono muted small"> · {i.tag}</span>}
              </td>
              <td>
                <span class={statusBadge(i.status)}>{statusName(i.status)}</span>
              </td>
              <td>{fmtDateTime(i.openedAt)}</td>
              <td>{i.closedAt ? fmtDateTime(i.closedAt) : '—'}</td>
              <td class="num">{fmtDuration(i.openedAt, i.closedAt, props.now)}</td>
              <td>{i.topCause ? faultName(i.topCause) : <span class="muted">{t(i.status === 'open' ? 'notAnalysed' : 'noCause')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
