import { fmtNumber, messages } from '../../i18n/i18n';
import { Attribution } from './types';

const t = messages(
  {
    now: 'now {value}',
    usual: 'usual {value}',
    missing: 'missing',
    raises: 'raises',
    lowers: 'lowers',
    base: 'With every input at its usual value: {value} {unit}',
    label: '{feature}: {direction} the prediction by {amount} {unit}',
  },
  {
    now: 'сейчас {value}',
    usual: 'обычно {value}',
    missing: 'нет данных',
    raises: 'повышает',
    lowers: 'понижает',
    base: 'Если все входы на обычных значениях: {value} {unit}',
    label: '{feature}: {direction} прогноз на {amount} {unit}',
  },
);

/** A value the API may send as a number, `null` or the string "NaN" (missing). */
function finite(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** A signed figure, `+0.80` or `−0.35`. */
function signed(v: number, digits: number): string {
  return (v > 0 ? '+' : v < 0 ? '−' : '') + fmtNumber(Math.abs(v), digits);
}

/**
 * KernelSHAP attributions as bars diverging from zero: to the right (alarm colour) what raises the
 * prediction, to the left (ok colour) what lowers it, largest first; each with its value now
 * against its usual one.
 */
export function AttributionBars(props: { attributions: Attribution[]; base: number | null; unit: string; digits?: number }) {
  const digits = props.digits ?? 2;
  const rows = [...props.attributions].sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
  const scale = Math.max(1e-9, ...rows.map((a) => Math.abs(a.contribution)));
  return (
    <div class="attributions">
      <ul class="attr-list">
        {rows.map((a) => {
          const value = finite(a.value);
          const share = (Math.abs(a.contribution) / scale) * 50;
          const up = a.contribution >= 0;
          return (
            <li
              key={a.feature}
              class="attr-row"
              aria-label={t('label', {
                feature: a.feature,
                direction: t(up ? 'raises' : 'lowers'),
                amount: fmtNumber(Math.abs(a.contribution), digits),
                unit: props.unit,
              })}
            >
              <span class="attr-feature mono" title={a.text}>
                {a.feature}
              </span>
              <span class="attr-track" aria-hidden="true">
                <span class="attr-zero" />
                <span
                  class={up ? 'attr-fill up' : 'attr-fill down'}
                  style={up ? { left: '50%', width: `${share}%` } : { right: '50%', width: `${share}%` }}
                />
              </span>
              <span class={up ? 'attr-amount up' : 'attr-amount down'}>{signed(a.contribution, digits)}</span>
              <span class="attr-values muted small">
                {value === null ? t('missing') : t('now', { value: fmtNumber(value, 2) })} · {t('usual', { value: fmtNumber(a.baseline, 2) })}
              </span>
            </li>
          );
        })}
      </ul>
      {props.base !== null && Number.isFinite(props.base) && (
        <p class="muted small attr-base">{t('base', { value: fmtNumber(props.base, digits), unit: props.unit })}</p>
      )}
    </div>
  );
}
