import { fmtTime, messages } from '../../i18n/i18n';
import { Asked } from './types';

const t = messages(
  { title: 'Asked this session', notUnderstood: 'not understood', failed: 'no answer', show: 'Show the answer to: {q}' },
  { title: 'Вопросы этого сеанса', notUnderstood: 'не понято', failed: 'нет ответа', show: 'Показать ответ на: {q}' },
);

/** This session's questions, newest first; choosing one shows its answer again. */
export function AskHistory(props: { history: Asked[]; current: Asked | null; onShow: (a: Asked) => void }) {
  if (props.history.length === 0) return null;
  return (
    <nav class="ask-history" aria-label={t('title')}>
      <h3>{t('title')}</h3>
      <ol>
        {props.history.map((h) => (
          <li key={`${h.at}-${h.q}`}>
            <button
              type="button"
              class={props.current === h ? 'history-item on' : 'history-item'}
              aria-pressed={props.current === h}
              aria-label={t('show', { q: h.q })}
              onClick={() => props.onShow(h)}
            >
              <span class="muted small">{fmtTime(h.at)}</span> <span lang={h.answer?.language}>{h.q}</span>
              {h.answer && !h.answer.understood && <span class="badge warn">{t('notUnderstood')}</span>}
              {!h.answer && <span class="badge alarm">{t('failed')}</span>}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
