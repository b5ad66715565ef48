import type { LiveEvent } from '../../live/LiveSocket';
import type { Alarm, FurnaceView } from './types';

/**
 * A furnace view with one live event of its `furnace/{id}` topic applied: a setpoint or autonomy
 * change (`furnace`) or an alarm raised, cleared or acknowledged (`alarm`); other events leave it.
 */
export function applyFurnaceEvent(view: FurnaceView, e: LiveEvent): FurnaceView {
  const d = e.data ?? {};
  if (e.type === 'furnace' && d.change === 'setpoint' && typeof d.parameter === 'string') {
    return {
      ...view,
      setpoints: { ...view.setpoints, [d.parameter]: d.value },
      setpointChanges: {
        ...view.setpointChanges,
        [d.parameter]: { value: d.value, origin: d.origin, requestedBy: d.requestedBy, at: d.at },
      },
    };
  }
  if (e.type === 'furnace' && d.change === 'autonomy-mode') {
    return { ...view, autonomyMode: d.mode };
  }
  if (e.type === 'alarm' && typeof d.alarmId === 'string') {
    return { ...view, alarms: applyAlarm(view.alarms, d) };
  }
  return view;
}

function applyAlarm(alarms: Alarm[], d: Record<string, string>): Alarm[] {
  const old = alarms.find((a) => a.alarmId === d.alarmId);
  const rest = alarms.filter((a) => a.alarmId !== d.alarmId);
  switch (d.state) {
    case 'raised':
      return [
        {
          alarmId: d.alarmId,
          source: d.source ?? old?.source ?? '',
          severity: d.severity ?? old?.severity ?? 'warning',
          message: d.message ?? old?.message ?? null,
          raisedAt: d.at,
          active: true,
          acknowledgedBy: null,
          acknowledgedAt: null,
        },
        ...rest,
      ];
    case 'cleared':
      return old ? alarms.map((a) => (a === old ? { ...a, active: false } : a)) : alarms;
    case 'acknowledged':
      return old ? alarms.map((a) => (a === old ? { ...a, acknowledgedBy: d.by ?? '?', acknowledgedAt: d.at } : a)) : alarms;
    default:
      return alarms;
  }
}

/** The active alarms, critical first, then newest first. */
export function activeAlarms(alarms: Alarm[]): Alarm[] {
  const rank = (a: Alarm) => (a.severity === 'critical' ? 0 : a.severity === 'warning' ? 1 : 2);
  return alarms
    .filter((a) => a.active)
    .sort((a, b) => rank(a) - rank(b) || (b.raisedAt ?? '').localeCompare(a.raisedAt ?? ''));
}
