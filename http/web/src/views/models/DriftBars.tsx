import { fmtNumber } from '../../i18n/i18n';
import { t } from './labels';
import { psiLevel } from './metrics';

/** Bars drawn to this PSI at full width (well past the drift threshold of 0.25). */
const FULL_SCALE = 0.5;

/** The population stability index of each input column, as bars coloured by the usual thresholds. */
export function DriftBars(props: { drift: Record<string, number> }) {
  const entries = Object.entries(props.drift).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <p class="small muted">{t('noDrift')}</p>;
  return (
    <div>
      <ul class="drift-bars">
        {entries.map(([column, psi]) => (
          <li class="bar" key={column} data-testid={`drift-${column}`}>
            <span class="mono">{column}</span>
            <span class="bar-track" role="img" aria-label={`${column} PSI ${fmtNumber(psi, 3)}`}>
              <span class={`bar-fill psi-${psiLevel(psi)}`} style={{ width: `${Math.min(100, (psi / FULL_SCALE) * 100)}%` }} />
            </span>
            <span class="num">{fmtNumber(psi, 3)}</span>
          </li>
        ))}
      </ul>
      <p class="small muted">{t('psiHint')}</p>
    </div>
  );
}
