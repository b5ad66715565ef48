import { useEffect, useState } from 'preact/hooks';
import { fmtNumber, fmtTime, messages } from '../../i18n/i18n';
import { isStale } from '../../live/live';
import { EmptyState, Panel, StaleMark } from '../../ui/common';
import { TimeChart } from '../../ui/TimeChart';
import { levelUnder } from './levels';
import { classForecast, forecastClasses, measuredRates } from './forecastData';
import { fetchHistory, Sample, samplesOf } from './history';
import { className, perThousand } from './labels';
import { inspectedTag, REJECT_WINDOW_MS, rejectTag } from './rejectRate';
import { remPx } from './size';
import { HORIZONS, Prediction } from './types';
import { LatestPrediction, PREDICTION_STALE_MS } from './usePrediction';

const t = messages(
  {
    title: 'Defect forecast',
    none: 'No forecast yet',
    noneDetail: 'The forecaster publishes rejects per class for the next 15, 30 and 60 minutes once it has an hour of feature vectors for this furnace.',
    asOf: 'as of {time}',
    risk: 'Defect risk at 60 min: {risk} {unit} (alert above {threshold})',
    measured: 'measured',
    median: 'forecast',
    band: '5–95 %',
    p95: '95 %',
    p05: '5 %',
    chart: '{name}: measured reject rate and forecast with its 5–95 % band',
    klass: 'Class',
    horizon: 'in {min} min',
    unitNote: 'Rejects per 1000 inspected items; median and 5–95 % range.',
  },
  {
    title: 'Прогноз брака',
    none: 'Прогноза пока нет',
    noneDetail: 'Прогнозная модель выдаёт брак по видам на 15, 30 и 60 минут вперёд, когда у неё есть час векторов признаков этой печи.',
    asOf: 'на {time}',
    risk: 'Риск брака через 60 мин: {risk} {unit} (тревога выше {threshold})',
    measured: 'измерено',
    median: 'прогноз',
    band: '5–95 %',
    p95: '95 %',
    p05: '5 %',
    chart: '{name}: измеренный брак и прогноз с интервалом 5–95 %',
    klass: 'Вид',
    horizon: 'через {min} мин',
    unitNote: 'Брак на 1000 проверенных изделий; медиана и диапазон 5–95 %.',
  },
);

const CLASS_COLORS: Record<string, string> = { crack: '#ff7a7a', bubble: '#4cb3ff', stone: '#f2b134', chip: '#b48cff' };
const colorOf = (c: string) => CLASS_COLORS[c] ?? '#4de0d0';
const fill = (hex: string) => `${hex}33`;

/** The inspection history behind the forecast: the hour before the prediction, and the window before that. */
function useMeasured(furnace: string, classes: string[], at: number | null): Map<string, Sample[]> {
  const [measured, setMeasured] = useState(new Map<string, Sample[]>());
  const key = classes.join(',');
  useEffect(() => {
    if (at === null || classes.length === 0) return undefined;
    let cancelled = false;
    const from = at - 60 * 60_000;
    const tags = [inspectedTag(furnace), ...classes.map((c) => rejectTag(furnace, c))];
    fetchHistory(furnace, tags, from - REJECT_WINDOW_MS, at + 60_000, '1m')
      .then((h) => !cancelled && setMeasured(measuredRates(samplesOf(h), furnace, classes, from)))
      .catch(() => !cancelled && setMeasured(new Map()));
    return () => {
      cancelled = true;
    };
    // `key` stands for `classes`
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [furnace, key, at]);
  return measured;
}

function ForecastTable(props: { p: Prediction; classes: string[] }) {
  const threshold = props.p.riskThreshold;
  return (
    <table class="forecast-table">
      <thead>
        <tr>
          <th scope="col">{t('klass')}</th>
          {HORIZONS.map((h) => (
            <th key={h} scope="col" class="num">
              {t('horizon', { min: h })}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {props.classes.map((c) => (
          <tr key={c}>
            <th scope="row">
              <span class="swatch" style={{ background: colorOf(c) }} aria-hidden="true" /> {className(c)}
            </th>
            {HORIZONS.map((h) => {
              const q = props.p.forecast?.[`${h}m`]?.[c];
              return (
                <td key={h} class={`num cell-${levelUnder(q?.p50, threshold)}`}>
                  {q ? (
                    <>
                      {fmtNumber(q.p50, 1)} <span class="muted small">{`${fmtNumber(q.p05, 1)}–${fmtNumber(q.p95, 1)}`}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Rejects per class forecast at 15/30/60 min with their uncertainty bands, after the measured rate. */
export function ForecastPanel(props: { furnace: string; latest: LatestPrediction; now: number }) {
  const p = props.latest.prediction;
  const classes = forecastClasses(p);
  const measured = useMeasured(props.furnace, classes, p?.forecast ? p.at : null);
  const stale = isStale(props.latest.receivedAt, props.now, PREDICTION_STALE_MS);
  if (!p || !p.forecast || classes.length === 0) {
    return (
      <Panel title={t('title')} wide>
        <div data-testid="forecast-chart">
          <EmptyState title={t('none')} detail={t('noneDetail')} icon="◔" />
        </div>
      </Panel>
    );
  }
  return (
    <Panel
      title={t('title')}
      wide
      actions={
        <span class="muted small">
          {t('asOf', { time: fmtTime(p.at) })}
          <StaleMark stale={stale} />
        </span>
      }
    >
      {p.risk !== undefined && p.riskThreshold !== undefined && (
        <div class={`forecast-risk level-${levelUnder(p.risk, p.riskThreshold)}`}>
          {t('risk', { risk: fmtNumber(p.risk, 1), unit: perThousand(), threshold: fmtNumber(p.riskThreshold, 1) })}
        </div>
      )}
      <div class="forecast-key muted small" aria-hidden="true">
        <span class="key-line" /> {t('measured')}
        <span class="key-line dashed" /> {t('median')}
        <span class="key-band" /> {t('band')}
      </div>
      <div data-testid="forecast-chart" class="forecast-charts">
        {classes.map((c) => {
          const f = classForecast(c, p, measured.get(c) ?? []);
          const color = colorOf(c);
          return (
            <figure key={c} class="forecast-class">
              <figcaption>{className(c)}</figcaption>
              <TimeChart
                times={f.times}
                series={[
                  { label: t('measured'), color, values: f.actual },
                  { label: t('median'), color, values: f.p50, dash: [6, 4], width: 2 },
                  { label: t('p95'), color, values: f.p95, hidden: true },
                  { label: t('p05'), color, values: f.p05, hidden: true },
                ]}
                bands={[{ upper: 2, lower: 3, color: fill(color) }]}
                height={remPx(10)}
                yLabel={perThousand()}
                ariaLabel={t('chart', { name: className(c) })}
              />
            </figure>
          );
        })}
      </div>
      <ForecastTable p={p} classes={classes} />
      <div class="muted small">{t('unitNote')}</div>
    </Panel>
  );
}
