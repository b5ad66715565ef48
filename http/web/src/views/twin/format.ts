import { fmtNumber, unit } from '../../i18n/i18n';
import { setpointSpec } from './setpoints';
import { t } from './text';
import { Change } from './types';

/** A horizon or run time in minutes, as "45 min", "4 h" or "2 d". */
export function fmtDuration(minutes: number): string {
  if (minutes >= 2880 && minutes % 1440 === 0) return t('duration.d', { n: fmtNumber(minutes / 1440, 0) });
  if (minutes >= 120 || (minutes >= 60 && minutes % 60 === 0)) return t('duration.h', { n: fmtNumber(minutes / 60, minutes % 60 === 0 ? 0 : 1) });
  return t('duration.min', { n: fmtNumber(minutes, minutes < 10 && minutes % 1 !== 0 ? 1 : 0) });
}

/** A setpoint value with its unit, e.g. "1 570 °C". */
export function fmtSetpoint(key: string, value: number | null | undefined): string {
  const spec = setpointSpec(key);
  return `${fmtNumber(value, spec?.digits ?? 1)} ${unit(spec?.unit)}`.trim();
}

/** One requested change, e.g. "Crown temperature +10 °C" or "Pull rate → 320 t/day". */
export function fmtChange(c: Change): string {
  const spec = setpointSpec(c.parameter);
  const param = spec ? t(spec.label) : c.parameter;
  if (c.mode === 'absolute') return t('change.absolute', { param, value: fmtSetpoint(c.parameter, c.value) });
  const sign = c.value > 0 ? '+' : c.value < 0 ? '−' : '±';
  return t('change.delta', { param, value: sign + fmtSetpoint(c.parameter, Math.abs(c.value)) });
}
