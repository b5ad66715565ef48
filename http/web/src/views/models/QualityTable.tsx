import { fmtNumber, fmtPercent } from '../../i18n/i18n';
import { t } from './labels';
import { isCount, isShare, liveLevel } from './metrics';

function fmt(key: string, v: number | undefined): string {
  if (v === undefined) return '—';
  if (isCount(key)) return fmtNumber(v, 0);
  return isShare(key) ? fmtPercent(v, 2) : fmtNumber(v, 3);
}

function fmtDelta(key: string, d: number): string {
  const sign = d > 0 ? '+' : '';
  return isShare(key) ? `${sign}${fmtNumber(d * 100, 2)} pp` : `${sign}${fmtNumber(d, 3)}`;
}

/** The card's held-out figures beside the live ones of the same name, the live cell coloured by how much worse it is. */
export function QualityTable(props: { version: string; heldOut: Record<string, number>; live: Record<string, number> }) {
  const keys = [...new Set([...Object.keys(props.live), ...Object.keys(props.heldOut)])].sort((a, b) => {
    const liveA = a in props.live ? 0 : 1;
    const liveB = b in props.live ? 0 : 1;
    return liveA - liveB || a.localeCompare(b);
  });
  return (
    <div class="table-scroll">
      <table aria-label={t('quality', { v: props.version })}>
        <thead>
          <tr>
            <th>{t('metric')}</th>
            <th class="num">{t('heldOut')}</th>
            <th class="num">{t('live')}</th>
            <th class="num">{t('delta')}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((k) => {
            const h = props.heldOut[k];
            const l = props.live[k];
            const level = liveLevel(k, h, l);
            return (
              <tr key={k} data-testid={`quality-${k}`}>
                <td class="mono">{k}</td>
                <td class="num">{fmt(k, h)}</td>
                <td class={`num live-${level}`}>{fmt(k, l)}</td>
                <td class="num muted">{h !== undefined && l !== undefined && !isCount(k) ? fmtDelta(k, l - h) : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {Object.keys(props.live).length === 0 && <p class="small muted">{t('noLive')}</p>}
    </div>
  );
}
