import { fmtPercent, messages } from '../../i18n/i18n';
import { Cause } from './types';

const t = messages(
  {
    label: 'Ranked causes; the arrow keys move the selection',
    score: 'belief',
    twin: 'twin fit {fit}',
    sensor: 'sensor {tag}',
  },
  {
    label: 'Причины по убыванию вероятности; стрелки меняют выбор',
    score: 'вероятность',
    twin: 'двойник {fit}',
    sensor: 'датчик {tag}',
  },
);

/** Causes best first, whatever order they came in. */
export function ranked(causes: Cause[]): Cause[] {
  return [...causes].sort((a, b) => b.score - a.score);
}

/** The level of a cause's belief bar: the leading hypotheses stand out. */
function levelOf(score: number): string {
  if (score >= 0.5) return 'alarm';
  if (score >= 0.2) return 'warn';
  return 'low';
}

/**
 * The ranked causes as a list of buttons with their belief bars; the selected one drives the graph
 * and the detail. Up and down arrows move the selection.
 */
export function CauseList(props: { causes: Cause[]; selected: string | null; onSelect: (cause: string) => void; names: (id: string) => string }) {
  const list = props.causes;
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const i = list.findIndex((c) => c.cause === props.selected);
    const to = Math.min(list.length - 1, Math.max(0, i + (e.key === 'ArrowDown' ? 1 : -1)));
    if (!list[to]) return;
    props.onSelect(list[to].cause);
    (e.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button.cause-item')[to]?.focus();
  };
  return (
    <ol class="cause-list" aria-label={t('label')} onKeyDown={onKey}>
      {list.map((c, i) => (
        <li key={c.cause}>
          <button
            type="button"
            class={c.cause === props.selected ? 'cause-item on' : 'cause-item'}
            aria-pressed={c.cause === props.selected}
            onClick={() => props.onSelect(c.cause)}
          >
            <span class="cause-rank">{i + 1}</span>
            <span class="cause-name">
              {props.names(c.cause)}
              {c.tag && <span class="muted small mono"> · {t('sensor', { tag: c.tag })}</span>}
            </span>
            <span class="cause-score" title={t('score')}>
              {fmtPercent(c.score, 0)}
            </span>
            <span class="bar-track cause-bar" aria-hidden="true">
              <span class={`bar-fill score-${levelOf(c.score)}`} style={{ left: 0, width: `${Math.max(0, Math.min(1, c.score)) * 100}%` }} />
            </span>
            {c.physics !== null && <span class="cause-twin muted small">{t('twin', { fit: fmtPercent(c.physics, 0) })}</span>}
          </button>
        </li>
      ))}
    </ol>
  );
}
