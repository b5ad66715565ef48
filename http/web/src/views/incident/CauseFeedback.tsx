import { useState } from 'preact/hooks';
import { api, ApiError, seg } from '../../api/client';
import { hasRole } from '../../api/session';
import { messages } from '../../i18n/i18n';
import { ProblemView } from '../../ui/common';
import { CommandResponse, FeedbackRequest } from './types';

const t = messages(
  {
    question: 'Is this the cause?',
    confirm: 'Confirm cause',
    reject: 'Reject cause',
    comment: 'Comment (optional)',
    sending: 'Sending…',
    operatorOnly: 'Only an operator can confirm or reject a cause.',
    confirmed: 'Confirmed: {detail}',
    rejected: 'Rejected: {detail}',
  },
  {
    question: 'Это причина?',
    confirm: 'Подтвердить причину',
    reject: 'Отклонить причину',
    comment: 'Комментарий (необязательно)',
    sending: 'Отправка…',
    operatorOnly: 'Подтверждать и отклонять причины может только оператор.',
    confirmed: 'Подтверждено: {detail}',
    rejected: 'Отклонено: {detail}',
  },
);

type Outcome = { ok: true; confirmed: boolean; detail: string } | { ok: false; error: ApiError };

/**
 * Confirm or reject one cause (`POST /api/incidents/{id}/feedback`, operator role); shows what the
 * node answered, or its problem document. The graph's edge strengths learn from the answer.
 */
export function CauseFeedback(props: { incident: string; cause: string; onSent?: () => void }) {
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const allowed = hasRole('operator');
  const fieldId = `feedback-comment-${props.cause}`;

  const send = async (confirmed: boolean) => {
    const body: FeedbackRequest = { cause: props.cause, confirmed };
    if (comment.trim()) body.comment = comment.trim();
    setBusy(true);
    try {
      const r = await api.post<CommandResponse>(`/api/incidents/${seg(props.incident)}/feedback`, body);
      setOutcome({ ok: true, confirmed, detail: r.detail });
      setComment('');
      props.onSent?.();
    } catch (e) {
      setOutcome({ ok: false, error: e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="cause-feedback">
      <h3>{t('question')}</h3>
      {!allowed && <p class="muted small">{t('operatorOnly')}</p>}
      <div class="field">
        <label for={fieldId}>{t('comment')}</label>
        <input
          id={fieldId}
          type="text"
          maxLength={1000}
          value={comment}
          disabled={!allowed || busy}
          onInput={(e) => setComment((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <div class="row">
        <button type="button" class="btn primary" disabled={!allowed || busy} onClick={() => send(true)}>
          ✓ {t('confirm')}
        </button>
        <button type="button" class="btn danger" disabled={!allowed || busy} onClick={() => send(false)}>
          ✗ {t('reject')}
        </button>
        {busy && <span class="muted small">{t('sending')}</span>}
      </div>
      {outcome?.ok === true && (
        <div class="ok-note" role="status">
          {t(outcome.confirmed ? 'confirmed' : 'rejected', { detail: outcome.detail })}
        </div>
      )}
      {outcome?.ok === false && <ProblemView error={outcome.error} />}
    </div>
  );
}
