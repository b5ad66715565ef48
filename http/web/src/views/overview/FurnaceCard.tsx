import type { ComponentChildren } from 'preact';
import type { TagInfo } from '../../api/plant';
import { fmtNumber, messages, unit } from '../../i18n/i18n';
import { levelOf, Stat } from '../../ui/common';
import { className, modeName, perThousand } from '../furnace/labels';
import { alarmsLevel, ENERGY_ALARM_GJ_PER_T, ENERGY_WARN_GJ_PER_T, levelUnder } from '../furnace/levels';
import { ClassFigures, useFurnaceFigures } from './useFurnaceFigures';

const t = messages(
  {
    furnace: 'Furnace {id}',
    twin: 'Digital twin',
    details: 'Trends, forecasts, setpoints',
    pull: 'Pull',
    energy: 'Energy',
    rejects: 'Rejects, 15 min',
    risk: 'Defect risk, 60 min',
    riskHint: 'Expected rejects per 1000 in 60 minutes; the alert threshold is {threshold}',
    incidents: 'Open incidents',
    alarms: 'Active alarms',
    mode: 'Autonomy',
    byClass: 'Rejects by class, per 1000 inspected',
    klass: 'Class',
    now: 'Last 15 min',
    in60: 'Forecast 60 min',
    noForecast: 'no forecast yet',
  },
  {
    furnace: 'Печь {id}',
    twin: 'Цифровой двойник',
    details: 'Тренды, прогнозы, уставки',
    pull: 'Съём',
    energy: 'Энергия',
    rejects: 'Брак, 15 мин',
    risk: 'Риск брака, 60 мин',
    riskHint: 'Ожидаемый брак на 1000 изделий через 60 минут; порог тревоги {threshold}',
    incidents: 'Открытые инциденты',
    alarms: 'Активные тревоги',
    mode: 'Автономность',
    byClass: 'Брак по видам, на 1000 проверенных',
    klass: 'Вид',
    now: 'За 15 мин',
    in60: 'Прогноз 60 мин',
    noForecast: 'прогноза пока нет',
  },
);

/** A figure the live stream keeps changing, marked for the end-to-end test. */
function Live(props: { tag: string; children: ComponentChildren }) {
  return (
    <div data-testid="live-value" data-figure={props.tag}>
      {props.children}
    </div>
  );
}

function ClassRow(props: { c: ClassFigures; threshold: number | null }) {
  const { c, threshold } = props;
  const f = c.forecast;
  return (
    <tr>
      <th scope="row">{className(c.name)}</th>
      <td class={`num cell-${levelUnder(c.rate, threshold)}`}>{fmtNumber(c.rate, 1)}</td>
      <td class={`num cell-${levelUnder(f?.p50, threshold)}`}>
        {f ? (
          <>
            {fmtNumber(f.p50, 1)} <span class="muted small">{`${fmtNumber(f.p05, 1)}–${fmtNumber(f.p95, 1)}`}</span>
          </>
        ) : (
          <span class="muted small">{t('noForecast')}</span>
        )}
      </td>
    </tr>
  );
}

/** One furnace at a glance: pull, energy, rejects and their forecast, alarms, incidents; links to its views. */
export function FurnaceCard(props: { furnace: string; tags: TagInfo[]; now: number }) {
  const id = props.furnace;
  const f = useFurnaceFigures(id, props.tags, props.now);
  const pt = f.pullTag;
  const headingId = `furnace-card-${id}`;
  const alarms = f.activeAlarms;
  return (
    <article class="panel furnace-card" data-testid="furnace-card" data-furnace={id} aria-labelledby={headingId}>
      <header class="fc-head">
        <h2 id={headingId}>
          <a href={`/furnaces/${encodeURIComponent(id)}`}>{t('furnace', { id })}</a>
        </h2>
        {f.autonomyMode && (
          <span class={`badge mode-${f.autonomyMode}`} title={t('mode')}>
            {modeName(f.autonomyMode)}
          </span>
        )}
        <nav class="fc-links">
          <a href={`/furnaces/${encodeURIComponent(id)}`}>{t('details')}</a>
          <a href={`/twin/${encodeURIComponent(id)}`}>{t('twin')}</a>
        </nav>
      </header>
      <div class="stats">
        <Live tag="pull">
          <Stat
            label={t('pull')}
            value={fmtNumber(f.pullRate.value, 1)}
            unit={unit(pt?.unit || 't/day')}
            level={levelOf(f.pullRate.value, pt?.alarmLow ?? pt?.min, pt?.alarmHigh ?? pt?.max)}
            stale={f.pullRate.stale}
          />
        </Live>
        <Live tag="energy">
          <Stat
            label={t('energy')}
            value={fmtNumber(f.energy.value, 2)}
            unit={unit('GJ/t')}
            level={levelUnder(f.energy.value, ENERGY_ALARM_GJ_PER_T, ENERGY_WARN_GJ_PER_T)}
            stale={f.energy.stale}
          />
        </Live>
        <Live tag="rejects">
          <Stat
            label={t('rejects')}
            value={fmtNumber(f.rejectTotal.value, 1)}
            unit={perThousand()}
            level={levelUnder(f.rejectTotal.value, f.riskThreshold)}
            stale={f.rejectTotal.stale}
          />
        </Live>
        <Live tag="risk">
          <Stat
            label={t('risk')}
            value={fmtNumber(f.risk.value, 1)}
            unit={perThousand()}
            level={levelUnder(f.risk.value, f.riskThreshold)}
            stale={f.risk.stale}
            hint={f.riskThreshold === null ? undefined : t('riskHint', { threshold: fmtNumber(f.riskThreshold, 1) })}
          />
        </Live>
        <Stat
          label={t('incidents')}
          value={f.openIncidents === null ? '—' : String(f.openIncidents)}
          level={f.openIncidents === null ? 'none' : f.openIncidents > 0 ? 'warn' : 'ok'}
        />
        <Live tag="alarms">
          <Stat label={t('alarms')} value={alarms === null ? '—' : String(alarms.length)} level={alarms === null ? 'none' : alarmsLevel(alarms)} />
        </Live>
      </div>
      <table class="fc-classes">
        <caption class="muted small">{t('byClass')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('klass')}</th>
            <th scope="col" class="num">
              {t('now')}
            </th>
            <th scope="col" class="num">
              {t('in60')}
            </th>
          </tr>
        </thead>
        <tbody>
          {f.classes.map((c) => (
            <ClassRow key={c.name} c={c} threshold={f.riskThreshold} />
          ))}
        </tbody>
      </table>
    </article>
  );
}
