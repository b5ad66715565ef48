import { fmtDateTime, messages } from '../../i18n/i18n';
import { defectName, fmtDuration, statusBadge, statusName } from './labels';
import { IncidentDetail } from './types';

const t = messages(
  {
    furnace: 'Furnace',
    defect: 'Defect',
    sensor: 'Sensor',
    opened: 'Opened',
    closed: 'Closed',
    duration: 'Duration',
    trigger: 'Opened by',
    triggers: 'Alarms attached',
    analysed: 'Last analysis',
    analyses: 'analyses: {n}',
    notAnalysed: 'not analysed yet',
    closedBy: 'Closed by',
    twin: 'Twin',
    explain: 'Model explanations',
  },
  {
    furnace: 'Печь',
    defect: 'Дефект',
    sensor: 'Датчик',
    opened: 'Открыт',
    closed: 'Закрыт',
    duration: 'Длительность',
    trigger: 'Причина открытия',
    triggers: 'Сигналы',
    analysed: 'Последний анализ',
    analyses: 'анализов: {n}',
    notAnalysed: 'ещё не проанализирован',
    closedBy: 'Кем закрыт',
    twin: 'Двойник',
    explain: 'Объяснения моделей',
  },
);

/** What an incident is about, when it opened and closed, what opened it and when it was analysed. */
export function IncidentFacts(props: { incident: IncidentDetail; now: number }) {
  const i = props.incident;
  const f = encodeURIComponent(i.furnace);
  return (
    <dl class="facts">
      <div>
        <dt>{t('furnace')}</dt>
        <dd>
          <a href={`/furnaces/${f}`}>{i.furnace}</a> · <a href={`/twin/${f}`}>{t('twin')}</a> ·{' '}
          <a href={`/furnaces/${f}/explanations`}>{t('explain')}</a>
        </dd>
      </div>
      <div>
        <dt>{t('defect')}</dt>
        <dd>
          {defectName(i.defect)}
          {i.tag && (
            <>
              {' '}
              · {t('sensor')} <span class="mono">{i.tag}</span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('opened')}</dt>
        <dd>
          {fmtDateTime(i.openedAt)} <span class={statusBadge(i.status)}>{statusName(i.status)}</span>
        </dd>
      </div>
      <div>
        <dt>{i.closedAt ? t('closed') : t('duration')}</dt>
        <dd>
          {i.closedAt && `${fmtDateTime(i.closedAt)} · `}
          {fmtDuration(i.openedAt, i.closedAt, props.now)}
        </dd>
      </div>
      <div>
        <dt>{t('trigger')}</dt>
        <dd class="mono small">{i.trigger}</dd>
      </div>
      {i.triggers.length > 1 && (
        <div>
          <dt>{t('triggers')}</dt>
          <dd class="mono small">{i.triggers.join(', ')}</dd>
        </div>
      )}
      <div>
        <dt>{t('analysed')}</dt>
        <dd>{i.analysedAt ? `${fmtDateTime(i.analysedAt)} · ${t('analyses', { n: i.analyses })}` : t('notAnalysed')}</dd>
      </div>
      {i.closedBy && (
        <div>
          <dt>{t('closedBy')}</dt>
          <dd>
            {i.closedBy}
            {i.closeReason && <span class="muted"> — {i.closeReason}</span>}
          </dd>
        </div>
      )}
    </dl>
  );
}
