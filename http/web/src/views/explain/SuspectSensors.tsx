import { fmtNumber, messages } from '../../i18n/i18n';
import { EmptyState } from '../../ui/common';
import { SensorScore } from './types';

/** A sensor's fault score above this raises an alert (the node's alert rules). */
export const SENSOR_ALERT_SCORE = 0.5;
/** A raised sensor alert clears below this share of the threshold; between the two it is a warning here. */
export const SENSOR_CLEAR_SHARE = 0.8;

const t = messages(
  {
    threshold: 'alert above {value}',
    label: '{tag}: fault score {score}',
    none: 'No suspect sensors',
    noneDetail: 'The sensor graph model has not scored this furnace’s sensors yet, or is not served.',
  },
  {
    threshold: 'тревога выше {value}',
    label: '{tag}: оценка неисправности {score}',
    none: 'Подозрительных датчиков нет',
    noneDetail: 'Графовая модель датчиков ещё не оценила датчики этой печи или не развёрнута.',
  },
);

/** How a fault score stands against the alert threshold. */
export function scoreLevel(score: number): 'alarm' | 'warn' | 'ok' {
  if (score > SENSOR_ALERT_SCORE) return 'alarm';
  if (score >= SENSOR_CLEAR_SHARE * SENSOR_ALERT_SCORE) return 'warn';
  return 'ok';
}

/** The GNN's suspect sensors, highest score first, each bar coloured against the alert threshold (marked). */
export function SuspectSensors(props: { sensors: SensorScore[] | undefined }) {
  const rows = [...(props.sensors ?? [])].sort((a, b) => b.score - a.score);
  if (rows.length === 0) return <EmptyState title={t('none')} detail={t('noneDetail')} icon="⌁" />;
  return (
    <div>
      <ul class="suspects">
        {rows.map((s) => (
          <li key={s.tag} class={`suspect level-${scoreLevel(s.score)}`} aria-label={t('label', { tag: s.tag, score: fmtNumber(s.score, 2) })}>
            <span class="mono suspect-tag">{s.tag}</span>
            <span class="bar-track suspect-track" aria-hidden="true">
              <span class="bar-fill" style={{ left: 0, width: `${Math.max(0, Math.min(1, s.score)) * 100}%` }} />
              <span class="suspect-threshold" style={{ left: `${SENSOR_ALERT_SCORE * 100}%` }} />
            </span>
            <span class="suspect-score">{fmtNumber(s.score, 2)}</span>
          </li>
        ))}
      </ul>
      <p class="muted small">{t('threshold', { value: fmtNumber(SENSOR_ALERT_SCORE, 2) })}</p>
    </div>
  );
}
