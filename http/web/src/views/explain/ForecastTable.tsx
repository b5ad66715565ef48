import { fmtNumber, messages, unit } from '../../i18n/i18n';
import { defectName } from '../incident/labels';
import { Quantiles } from './types';

const t = messages(
  { horizon: 'Horizon', in: 'in {h}', unit: 'Rejects per 1000: median (5–95 %)' },
  { horizon: 'Горизонт', in: 'через {h}', unit: 'Брак на 1000: медиана (5–95 %)' },
);

function horizonMinutes(h: string): number {
  return Number.parseInt(h, 10);
}

/** The forecaster's quantiles per horizon and reject class: the median with its 90 % band. */
export function ForecastTable(props: { forecast: Record<string, Record<string, Quantiles>> }) {
  const horizons = Object.keys(props.forecast).sort((a, b) => horizonMinutes(a) - horizonMinutes(b));
  const classes = [...new Set(horizons.flatMap((h) => Object.keys(props.forecast[h])))];
  return (
    <div class="table-scroll">
      <table class="forecast-table">
        <caption class="muted small">{t('unit')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('horizon')}</th>
            {classes.map((c) => (
              <th key={c} scope="col" class="num">
                {defectName(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {horizons.map((h) => (
            <tr key={h}>
              <th scope="row">{t('in', { h: `${fmtNumber(horizonMinutes(h), 0)} ${unit('min')}` })}</th>
              {classes.map((c) => {
                const q = props.forecast[h][c];
                return (
                  <td key={c} class="num">
                    {q ? (
                      <>
                        {fmtNumber(q.p50, 2)} <span class="muted small">({fmtNumber(q.p05, 2)}–{fmtNumber(q.p95, 2)})</span>
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
    </div>
  );
}
