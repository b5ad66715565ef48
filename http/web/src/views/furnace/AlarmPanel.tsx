import { useState } from 'preact/hooks';
import { api, ApiError, seg } from '../../api/client';
import { hasRole } from '../../api/session';
import { fmtDateTime, messages } from '../../i18n/i18n';
import { EmptyState, Panel, ProblemView } from '../../ui/common';
import { activeAlarms } from './furnaceState';
import type { Alarm } from './types';

const t = messages(
  {
    title: 'Alarms',
    none: 'No active alarms',
    noneDetail: 'Alarms of this furnace appear here the moment they are raised.',
    severity: 'Severity',
    alarm: 'Alarm',
    raised: 'Raised',
    ack: 'Acknowledge',
    acked: 'acknowledged by {who} at {at}',
    ackFor: 'Acknowledge {alarm}',
    operatorOnly: 'Acknowledging needs the operator role.',
    critical: 'critical',
    warning: 'warning',
    info: 'info',
  },
  {
    title: 'Тревоги',
    none: 'Активных тревог нет',
    noneDetail: 'Тревоги этой печи появляются здесь в момент срабатывания.',
    severity: 'Важность',
    alarm: 'Тревога',
    raised: 'Сработала',
    ack: 'Квитировать',
    acked: 'квитировал {who} в {at}',
    ackFor: 'Квитировать {alarm}',
    operatorOnly: 'Квитировать может только оператор.',
    critical: 'критическая',
    warning: 'предупреждение',
    info: 'сведения',
  },
);

type Outcome = { ok: string } | { error: ApiError };

const severityClass = (s: string) => (s === 'critical' ? 'alarm' : s === 'warning' ? 'warn' : '');
const severityName = (s: string) => (s === 'critical' || s === 'warning' || s === 'info' ? t(s) : s);

/** The furnace's active alarms, critical first, each with an acknowledge for operators and its outcome. */
export function AlarmPanel(props: { furnace: string; alarms: Alarm[]; onChanged: () => void }) {
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const canAck = hasRole('operator');
  const active = activeAlarms(props.alarms);

  const ack = async (a: Alarm) => {
    setBusy(a.alarmId);
    try {
      const r = await api.post<{ status: string; detail: string }>(`/api/furnaces/${seg(props.furnace)}/alarms/${seg(a.alarmId)}/ack`);
      setOutcomes((o) => ({ ...o, [a.alarmId]: { ok: r.detail } }));
      props.onChanged();
    } catch (e) {
      setOutcomes((o) => ({ ...o, [a.alarmId]: { error: e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 }) } }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Panel title={t('title')} actions={active.length > 0 ? <span class="badge alarm">{active.length}</span> : undefined}>
      {active.length === 0 ? (
        <EmptyState title={t('none')} detail={t('noneDetail')} icon="✓" />
      ) : (
        <ul class="alarm-list">
          {active.map((a) => {
            const outcome = outcomes[a.alarmId];
            return (
              <li key={a.alarmId} class={`alarm-item sev-${a.severity}`}>
                <div class="alarm-line">
                  <span class={`badge ${severityClass(a.severity)}`} title={t('severity')}>
                    {severityName(a.severity)}
                  </span>
                  <span class="alarm-message">{a.message ?? a.alarmId}</span>
                </div>
                <div class="alarm-line muted small">
                  <span class="mono">{a.alarmId}</span>
                  <span>
                    {t('raised')}: {fmtDateTime(a.raisedAt)}
                  </span>
                  {a.acknowledgedBy ? (
                    <span>{t('acked', { who: a.acknowledgedBy, at: fmtDateTime(a.acknowledgedAt) })}</span>
                  ) : (
                    <button
                      type="button"
                      class="btn small"
                      disabled={!canAck || busy === a.alarmId}
                      title={canAck ? undefined : t('operatorOnly')}
                      aria-label={t('ackFor', { alarm: a.message ?? a.alarmId })}
                      onClick={() => ack(a)}
                    >
                      {t('ack')}
                    </button>
                  )}
                </div>
                {outcome && 'ok' in outcome && <div class="ok-note small">{outcome.ok}</div>}
                {outcome && 'error' in outcome && <ProblemView error={outcome.error} />}
              </li>
            );
          })}
        </ul>
      )}
      {!canAck && active.length > 0 && <div class="muted small">{t('operatorOnly')}</div>}
    </Panel>
  );
}
