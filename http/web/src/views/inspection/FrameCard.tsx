import { fmtPercent, fmtTime } from '../../i18n/i18n';
import { FrameThumb } from './FrameThumb';
import { className, t } from './labels';
import { Decision, GOOD, UNREADABLE } from './types';

/** How a decision reads: its badge class and word. */
export function verdictOf(d: Decision): { level: 'ok' | 'warn' | 'alarm'; word: string } {
  if (d.label === UNREADABLE) return { level: 'warn', word: t('unreadable') };
  return d.reject ? { level: 'alarm', word: t('reject') } : { level: 'ok', word: t('accept') };
}

/** One inspected item: its frame, item number, time, decision, class and confidence. */
export function FrameCard(props: { d: Decision }) {
  const d = props.d;
  const v = verdictOf(d);
  return (
    <li class={`frame-card verdict-${v.level}`} data-testid="frame">
      <FrameThumb src={d.image} alt={t('frameAlt', { id: d.id, label: className(d.label) })} />
      <div class="frame-meta">
        <div class="row frame-top">
          <span class={`badge ${v.level}`}>{v.word}</span>
          {d.label !== UNREADABLE && d.label !== GOOD && <span class="frame-class">{className(d.label)}</span>}
        </div>
        <div class="small">
          {d.item >= 0 ? t('item', { item: String(d.item) }) : t('itemUnknown')} · {d.furnace}
        </div>
        <div class="small muted" title={d.capturedAt}>
          <time dateTime={d.capturedAt}>{fmtTime(d.capturedAt)}</time>
        </div>
        {d.probability !== undefined ? (
          <div class="small" title={d.defectProbability !== undefined ? t('defect', { p: fmtPercent(d.defectProbability, 1) }) : undefined}>
            {t('confidence', { p: fmtPercent(d.probability, 1) })}
          </div>
        ) : (
          d.reason && <div class="small frame-reason">{d.reason}</div>
        )}
      </div>
    </li>
  );
}
