import { useState } from 'preact/hooks';
import { api, ApiError, seg } from '../../api/client';
import type { TagInfo } from '../../api/plant';
import { hasRole } from '../../api/session';
import { fmtNumber, messages, unit } from '../../i18n/i18n';
import { ProblemView } from '../../ui/common';
import { paramName } from './labels';
import { setpointTag } from './tags';
import type { FurnaceView } from './types';

const t = messages(
  {
    heading: 'Change a setpoint',
    parameter: 'Parameter',
    value: 'New value',
    range: 'range {min} – {max} {unit}, now {now}',
    reason: 'Reason (recorded with the change)',
    reasonPlaceholder: 'e.g. bubbles rising on line 2, more fining temperature',
    send: 'Send to the plant',
    sending: 'Sending…',
    roleOnly: 'Changing setpoints needs the operator or integrator role.',
  },
  {
    heading: 'Изменить уставку',
    parameter: 'Параметр',
    value: 'Новое значение',
    range: 'диапазон {min} – {max} {unit}, сейчас {now}',
    reason: 'Причина (сохраняется вместе с изменением)',
    reasonPlaceholder: 'например: растёт мошка на линии 2, поднимаем температуру осветления',
    send: 'Отправить в АСУ ТП',
    sending: 'Отправка…',
    roleOnly: 'Менять уставки может оператор или интегратор.',
  },
);

type Outcome = { ok: string } | { error: ApiError };

/** Sends one setpoint change with its reason (`POST /api/furnaces/{id}/setpoints`) and shows the answer or the problem. */
export function SetpointForm(props: { furnace: string; view: FurnaceView; tags: TagInfo[]; onChanged: () => void }) {
  const params = Object.keys(props.view.setpoints);
  const [parameter, setParameter] = useState(params[0] ?? '');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const allowed = hasRole('operator') || hasRole('integrator');
  const tag = setpointTag(props.furnace, parameter, props.tags);
  const id = (s: string) => `sp-${props.furnace}-${s}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const r = await api.post<{ status: string; detail: string }>(`/api/furnaces/${seg(props.furnace)}/setpoints`, {
        parameter,
        value: Number(value),
        reason: reason.trim(),
      });
      setOutcome({ ok: r.detail });
      setReason('');
      props.onChanged();
    } catch (err) {
      setOutcome({ error: err instanceof ApiError ? err : new ApiError({ title: String(err), status: 0 }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="setpoint-form" onSubmit={submit} aria-labelledby={id('heading')}>
      <h3 id={id('heading')}>{t('heading')}</h3>
      <div class="field">
        <label for={id('parameter')}>{t('parameter')}</label>
        <select id={id('parameter')} value={parameter} onChange={(e) => setParameter((e.target as HTMLSelectElement).value)}>
          {params.map((p) => (
            <option key={p} value={p}>
              {paramName(p)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for={id('value')}>{t('value')}</label>
        <input
          id={id('value')}
          type="number"
          step="any"
          required
          min={tag?.min ?? undefined}
          max={tag?.max ?? undefined}
          value={value}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
          aria-describedby={id('range')}
        />
        <span id={id('range')} class="muted small">
          {t('range', { min: fmtNumber(tag?.min, 1), max: fmtNumber(tag?.max, 1), unit: unit(tag?.unit), now: fmtNumber(props.view.setpoints[parameter], 2) })}
        </span>
      </div>
      <div class="field">
        <label for={id('reason')}>{t('reason')}</label>
        <textarea
          id={id('reason')}
          required
          maxLength={1000}
          rows={2}
          placeholder={t('reasonPlaceholder')}
          value={reason}
          onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)}
        />
      </div>
      <button type="submit" class="btn primary" disabled={!allowed || busy || value.trim() === '' || reason.trim() === ''}>
        {busy ? t('sending') : t('send')}
      </button>
      {!allowed && <div class="muted small">{t('roleOnly')}</div>}
      {outcome && 'ok' in outcome && (
        <div class="ok-note" role="status">
          {outcome.ok}
        </div>
      )}
      {outcome && 'error' in outcome && <ProblemView error={outcome.error} />}
    </form>
  );
}
