import { fmtDateTime, fmtNumber, fmtPercent, messages, unit } from '../../i18n/i18n';
import { Stat } from '../../ui/common';
import { CauseFeedback } from './CauseFeedback';
import { twinFitOf } from './twinFit';
import { Cause, Feedback } from './types';

const t = messages(
  {
    belief: 'Belief',
    twinFit: 'Twin fit',
    twinFitHint: 'Share of the observed change the digital twin reproduces with this cause',
    magnitude: 'Fitted magnitude',
    ramp: 'Developed over',
    notChecked: 'not checked',
    path: 'Explanation path',
    evidence: 'Evidence',
    noEvidence: 'No supporting observation was recorded.',
    explanation: 'Explanation',
    answers: 'Operators’ answers',
    answerYes: '{by} confirmed, {at}',
    answerNo: '{by} rejected, {at}',
  },
  {
    belief: 'Вероятность',
    twinFit: 'Согласие с двойником',
    twinFitHint: 'Доля наблюдаемого изменения, которую цифровой двойник воспроизводит с этой причиной',
    magnitude: 'Подобранная величина',
    ramp: 'Развивалась',
    notChecked: 'не проверено',
    path: 'Путь объяснения',
    evidence: 'Подтверждения',
    noEvidence: 'Подтверждающих наблюдений не записано.',
    explanation: 'Объяснение',
    answers: 'Ответы операторов',
    answerYes: '{by} подтвердил, {at}',
    answerNo: '{by} отклонил, {at}',
  },
);

function fitLevel(fit: number | null): 'ok' | 'warn' | 'none' {
  if (fit === null) return 'none';
  return fit >= 0.5 ? 'ok' : 'warn';
}

/**
 * One cause in full: its belief, the twin's fit and fitted magnitude, the path in words, the
 * evidence and explanation, the answers already given, and the confirm / reject buttons.
 */
export function CauseDetail(props: {
  incident: string;
  cause: Cause;
  name: string;
  pathNames: string[];
  feedback: Feedback[];
  onFeedback: () => void;
}) {
  const c = props.cause;
  const fit = twinFitOf(c.explanation);
  const answers = props.feedback.filter((f) => f.cause === c.cause);
  return (
    <article class="cause-detail" aria-label={props.name}>
      <h3 class="cause-title">{props.name}</h3>
      <div class="stats">
        <Stat label={t('belief')} value={fmtPercent(c.score, 0)} level={c.score >= 0.5 ? 'alarm' : c.score >= 0.2 ? 'warn' : 'none'} />
        <Stat
          label={t('twinFit')}
          value={c.physics === null ? t('notChecked') : fmtPercent(c.physics, 0)}
          level={fitLevel(c.physics)}
          hint={t('twinFitHint')}
        />
        {fit && <Stat label={t('magnitude')} value={fmtNumber(fit.magnitude, 3)} />}
        {fit && <Stat label={t('ramp')} value={fmtNumber(fit.rampMinutes, 0)} unit={unit('min')} />}
      </div>
      {props.pathNames.length > 0 && (
        <p class="cause-path" aria-label={t('path')}>
          {props.pathNames.map((n, i) => (
            <span key={i}>
              {i > 0 && <span class="arrow" aria-hidden="true"> → </span>}
              <span class="path-node">{n}</span>
            </span>
          ))}
        </p>
      )}
      <h4>{t('evidence')}</h4>
      {c.evidence.length === 0 ? (
        <p class="muted small">{t('noEvidence')}</p>
      ) : (
        <ul class="evidence">
          {c.evidence.map((e, i) => (
            <li key={i} lang="en">
              {e}
            </li>
          ))}
        </ul>
      )}
      {c.explanation && (
        <>
          <h4>{t('explanation')}</h4>
          <p class="explanation" lang="en">
            {c.explanation}
          </p>
        </>
      )}
      {answers.length > 0 && (
        <>
          <h4>{t('answers')}</h4>
          <ul class="answers">
            {answers.map((a, i) => (
              <li key={i} class={a.confirmed ? 'answer-yes' : 'answer-no'}>
                {t(a.confirmed ? 'answerYes' : 'answerNo', { by: a.by, at: fmtDateTime(a.at) })}
                {a.comment && <span class="muted"> — {a.comment}</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <CauseFeedback key={c.cause} incident={props.incident} cause={c.cause} onSent={props.onFeedback} />
    </article>
  );
}
