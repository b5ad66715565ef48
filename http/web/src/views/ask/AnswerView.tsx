import { fmtDateTime, messages } from '../../i18n/i18n';
import { defectName } from '../incident/labels';
import { highlight } from './highlight';
import { appLinks } from './links';
import { linkify } from './linkify';
import { AskAnswer } from './types';

const t = messages(
  {
    answer: 'Answer',
    notUnderstood: 'Not understood',
    notUnderstoodIntro: 'The marked part of the question could not be read:',
    evidence: 'Evidence',
    incident: 'Incident {id}',
    withCauses: 'with its causes',
    readAs: 'Read as',
    ignored: 'Words not used',
    'intent-why': 'why',
    'intent-status': 'status',
    'intent-incidents': 'incidents',
    'part-text': 'Question',
    'part-furnace': 'Furnace',
    'part-defect': 'Defect',
    'part-time': 'Time',
    'part-question': 'What is asked',
    window: '{from} – {to}',
    defaultWindow: '(no time given)',
  },
  {
    answer: 'Ответ',
    notUnderstood: 'Не понято',
    notUnderstoodIntro: 'Отмеченную часть вопроса прочитать не удалось:',
    evidence: 'Основания',
    incident: 'Инцидент {id}',
    withCauses: 'с причинами',
    readAs: 'Понято как',
    ignored: 'Неиспользованные слова',
    'intent-why': 'почему',
    'intent-status': 'состояние',
    'intent-incidents': 'инциденты',
    'part-text': 'Вопрос',
    'part-furnace': 'Печь',
    'part-defect': 'Дефект',
    'part-time': 'Время',
    'part-question': 'Что спрашивается',
    window: '{from} – {to}',
    defaultWindow: '(время не указано)',
  },
);

type Key = Parameters<typeof t>[0];
const PARTS = ['text', 'furnace', 'defect', 'time', 'question'];
const INTENTS = ['why', 'status', 'incidents'];

function partName(part: string): string {
  return PARTS.includes(part) ? t(`part-${part}` as Key) : part;
}

function intentName(intent: string): string {
  return INTENTS.includes(intent) ? t(`intent-${intent}` as Key) : intent;
}

/**
 * The node's answer to `q`: its text in the question's language with the incidents it rests on
 * as links and how the question was read; or, not understood, the question with the unread part
 * marked and what would be understood instead.
 */
export function AnswerView(props: { q: string; answer: AskAnswer }) {
  const a = props.answer;
  if (!a.understood) {
    const problems = a.problems ?? [];
    return (
      <div class="ask-answer not-understood" role="alert">
        <h3>{t('notUnderstood')}</h3>
        <p class="small muted">{t('notUnderstoodIntro')}</p>
        <blockquote class="ask-question" lang={a.language}>
          {highlight(
            props.q,
            problems.map((p) => p.fragment),
          ).map((s, i) => (s.marked ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
        </blockquote>
        <ul class="ask-problems" lang={a.language}>
          {problems.map((p, i) => (
            <li key={i}>
              <strong>{partName(p.part)}</strong>
              {p.fragment && <code class="ask-fragment">{p.fragment}</code>}: {p.message}
            </li>
          ))}
        </ul>
        {problems.length === 0 && a.answer && <p lang={a.language}>{a.answer}</p>}
      </div>
    );
  }
  const links = appLinks(a.links);
  const q = a.query;
  return (
    <div class="ask-answer" aria-live="polite">
      <h3>{t('answer')}</h3>
      <p class="ask-text" lang={a.language}>
        {linkify(
          a.answer,
          links.map((l) => l.incident),
        ).map((piece, i) =>
          piece.incident ? (
            <a key={i} href={`/incidents/${encodeURIComponent(piece.incident)}`} class="mono">
              {piece.text}
            </a>
          ) : (
            <span key={i}>{piece.text}</span>
          ),
        )}
      </p>
      {links.length > 0 && (
        <>
          <h4>{t('evidence')}</h4>
          <ul class="ask-links">
            {links.map((l) => (
              <li key={l.incident}>
                <a href={l.href}>{t('incident', { id: l.incident })}</a>
                {l.causes && <span class="muted small"> · {t('withCauses')}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      {q && (
        <div class="ask-query small">
          <span class="muted">{t('readAs')}:</span>
          <span class="badge">{intentName(q.intent)}</span>
          {q.furnace && <span class="badge">{q.furnace}</span>}
          {q.defect && <span class="badge">{defectName(q.defect)}</span>}
          <span class="badge">
            {t('window', { from: fmtDateTime(q.from), to: fmtDateTime(q.to) })}
            {!q.timeGiven && ` ${t('defaultWindow')}`}
          </span>
          {q.notUnderstood.length > 0 && (
            <span class="ask-ignored">
              <span class="muted">{t('ignored')}:</span> <span class="badge warn">{q.notUnderstood.join(', ')}</span>
            </span>
          )}
        </div>
      )}
    </div>
  );
}
