import { fmtNumber } from '../../i18n/i18n';
import { t } from './labels';

/** The quarantine counts per reason as bars; each bar is a button that filters the list to its reason. */
export function ReasonBars(props: { counts: [string, number][]; selected: string; onSelect: (reason: string) => void }) {
  const max = Math.max(1, ...props.counts.map(([, n]) => n));
  return (
    <ul class="reason-bars" aria-label={t('byReason')}>
      {props.counts.map(([reason, n]) => (
        <li key={reason} data-testid={`reason-${reason}`}>
          <button
            type="button"
            class={`bar reason-bar${props.selected === reason ? ' on' : ''}`}
            aria-pressed={props.selected === reason}
            title={t('filterBy', { reason })}
            onClick={() => props.onSelect(props.selected === reason ? '' : reason)}
          >
            <span class="mono">{reason}</span>
            <span class="bar-track">
              <span class="bar-fill neg" style={{ width: `${(n / max) * 100}%` }} />
            </span>
            <span class="num">{fmtNumber(n, 0)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
