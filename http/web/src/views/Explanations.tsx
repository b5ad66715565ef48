import { seg } from '../api/client';
import { fmtDateTime, fmtNumber, fmtPercent, messages } from '../i18n/i18n';
import { LiveEvent } from '../live/LiveSocket';
import { isStale, useLive, useNow } from '../live/live';
import { EmptyState, Level, Loading, Panel, ProblemView, Stat, StaleMark } from '../ui/common';
import { useResource } from '../ui/useResource';
import { AttentionHeatmap } from './explain/AttentionHeatmap';
import { AttributionBars } from './explain/AttributionBars';
import { ForecastTable } from './explain/ForecastTable';
import { SENSOR_ALERT_SCORE, SENSOR_CLEAR_SHARE, SuspectSensors } from './explain/SuspectSensors';
import { Explanation } from './explain/types';
import './explain/explain.css';

/** Predictions come every minute; one older than this is marked stale. */
export const PREDICTION_STALE_MS = 3 * 60_000;

const t = messages(
  {
    title: 'Why the models predict this: {furnace}',
    furnace: '← Furnace {furnace}',
    twin: 'Digital twin {furnace}',
    predictedAt: 'Prediction of {time}',
    risk: 'Defect risk, 60 min',
    riskHint: 'Expected rejects per 1000 in an hour (the ensemble)',
    threshold: 'Alert threshold',
    processFault: 'Process fault',
    processFaultHint: 'Probability that a process fault is under way (the sensor graph model)',
    rateUnit: 'rejects per 1000 at 60 min',
    forecaster: 'Forecaster: what drives the 60-minute reject rate',
    forecasterNote: 'KernelSHAP over the forecaster’s input columns, each masked over the whole hour.',
    ensemble: 'Ensemble: what drives the defect risk',
    ensembleNote: 'KernelSHAP over the ensemble’s members.',
    attention: 'Forecaster attention over the last hour',
    suspects: 'Suspect sensors (sensor graph model)',
    forecast: 'Forecast',
    summary: 'In short',
    noAttr: 'Attributions not computed',
    noForecasterDetail: 'The forecaster is not served yet, or has less than an hour of minute vectors for this furnace.',
    noEnsembleDetail: 'The ensemble needs the forecaster and the sensor graph model served; one of them is missing.',
    noForecast: 'No forecast yet',
    noForecastDetail: 'The forecaster needs an hour of minute vectors.',
    noPrediction: 'No prediction yet',
    models: 'Models',
  },
  {
    title: 'Почему модели так прогнозируют: {furnace}',
    furnace: '← Печь {furnace}',
    twin: 'Цифровой двойник {furnace}',
    predictedAt: 'Прогноз на {time}',
    risk: 'Риск брака, 60 мин',
    riskHint: 'Ожидаемый брак на 1000 изделий за час (ансамбль)',
    threshold: 'Порог тревоги',
    processFault: 'Нарушение процесса',
    processFaultHint: 'Вероятность идущего нарушения процесса (графовая модель датчиков)',
    rateUnit: 'брака на 1000 через 60 мин',
    forecaster: 'Прогнозная модель: что определяет брак через 60 минут',
    forecasterNote: 'KernelSHAP по входным столбцам прогнозной модели, каждый скрыт на весь час.',
    ensemble: 'Ансамбль: что определяет риск брака',
    ensembleNote: 'KernelSHAP по моделям ансамбля.',
    attention: 'Внимание прогнозной модели за последний час',
    suspects: 'Подозрительные датчики (графовая модель)',
    forecast: 'Прогноз',
    summary: 'Коротко',
    noAttr: 'Вклады не вычислены',
    noForecasterDetail: 'Прогнозная модель ещё не развёрнута или по этой печи меньше часа минутных векторов.',
    noEnsembleDetail: 'Ансамблю нужны прогнозная и графовая модели; одной из них нет.',
    noForecast: 'Прогноза пока нет',
    noForecastDetail: 'Прогнозной модели нужен час минутных векторов.',
    noPrediction: 'Прогноза пока нет',
    models: 'Модели',
  },
);

function riskLevel(risk: number | undefined, threshold: number | undefined): Level {
  if (risk === undefined || threshold === undefined) return 'none';
  if (risk > threshold) return 'alarm';
  return risk >= SENSOR_CLEAR_SHARE * threshold ? 'warn' : 'ok';
}

function faultLevel(p: number | undefined): Level {
  if (p === undefined) return 'none';
  if (p > SENSOR_ALERT_SCORE) return 'alarm';
  return p >= SENSOR_CLEAR_SHARE * SENSOR_ALERT_SCORE ? 'warn' : 'ok';
}

/**
 * Why a furnace's latest prediction is what it is (`/furnaces/{furnace}/explanations`): the
 * forecaster's and the ensemble's KernelSHAP attributions, the forecaster's attention over the
 * hour, and the sensor graph model's suspect sensors; refreshed on each `predictions` event.
 */
export function Explanations(props: { furnace: string }) {
  const { furnace } = props;
  const now = useNow(5_000);
  const res = useResource<Explanation>(`/api/explainability/prediction?furnace=${seg(furnace)}`);
  useLive('predictions', (e: LiveEvent) => {
    if (e.furnace === furnace) res.reload();
  });
  const f = encodeURIComponent(furnace);
  const links = (
    <nav class="row explain-links" aria-label={furnace}>
      <a href={`/furnaces/${f}`}>{t('furnace', { furnace })}</a>
      <a href={`/twin/${f}`}>{t('twin', { furnace })}</a>
    </nav>
  );

  if (res.error && !res.data) {
    const notYet = res.error.status === 404 && res.error.problem.code === 'prediction-not-found';
    return (
      <div class="stack">
        {links}
        <h1>{t('title', { furnace })}</h1>
        {notYet ? (
          <Panel title={t('forecast')}>
            <EmptyState title={t('noPrediction')} detail={res.error.problem.detail} icon="◔" />
          </Panel>
        ) : (
          <ProblemView error={res.error} onRetry={res.reload} />
        )}
      </div>
    );
  }
  if (!res.data) return <Loading />;

  const x = res.data;
  const p = x.prediction;
  const stale = isStale(p.at, now, PREDICTION_STALE_MS);
  return (
    <div class="stack explanations">
      {links}
      <div class="view-head">
        <h1>{t('title', { furnace })}</h1>
        <span class="muted">
          {t('predictedAt', { time: fmtDateTime(p.at) })}
          <StaleMark stale={stale} />
        </span>
        {p.models && Object.keys(p.models).length > 0 && (
          <span class="row small" aria-label={t('models')}>
            {Object.entries(p.models).map(([name, version]) => (
              <span key={name} class="badge mono">
                {version.startsWith(`${name}/`) ? version : `${name} ${version}`}
              </span>
            ))}
          </span>
        )}
      </div>
      <div class="stats">
        <Stat label={t('risk')} value={fmtNumber(p.risk, 2)} level={riskLevel(p.risk, p.riskThreshold)} stale={stale} hint={t('riskHint')} />
        <Stat label={t('threshold')} value={fmtNumber(p.riskThreshold, 2)} />
        <Stat label={t('processFault')} value={fmtPercent(p.processFault, 0)} level={faultLevel(p.processFault)} stale={stale} hint={t('processFaultHint')} />
      </div>
      {x.summary.length > 0 && (
        <Panel title={t('summary')}>
          <ul class="summary" lang="en">
            {x.summary.map((s, i) => (
              <li key={i} class="mono small">
                {s}
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <div class="explain-grid">
        <Panel title={t('forecaster')}>
          {x.forecaster.length === 0 ? (
            <EmptyState title={t('noAttr')} detail={t('noForecasterDetail')} icon="≋" />
          ) : (
            <>
              <AttributionBars attributions={x.forecaster} base={x.forecasterBase} unit={t('rateUnit')} />
              <p class="muted small">{t('forecasterNote')}</p>
            </>
          )}
        </Panel>
        <Panel title={t('ensemble')}>
          {x.ensemble.length === 0 ? (
            <EmptyState title={t('noAttr')} detail={t('noEnsembleDetail')} icon="≋" />
          ) : (
            <>
              <AttributionBars attributions={x.ensemble} base={x.ensembleBase} unit={t('rateUnit')} />
              <p class="muted small">{t('ensembleNote')}</p>
            </>
          )}
        </Panel>
        <Panel title={t('attention')} wide>
          <AttentionHeatmap attention={p.attention} top={x.attentionTop} at={p.at} />
        </Panel>
        <Panel title={t('suspects')}>
          <SuspectSensors sensors={p.sensors} />
        </Panel>
        <Panel title={t('forecast')}>
          {p.forecast && Object.keys(p.forecast).length > 0 ? (
            <ForecastTable forecast={p.forecast} />
          ) : (
            <EmptyState title={t('noForecast')} detail={t('noForecastDetail')} icon="◔" />
          )}
        </Panel>
      </div>
    </div>
  );
}
