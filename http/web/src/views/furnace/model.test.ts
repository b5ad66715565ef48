import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../../live/LiveSocket';
import { classForecast, forecastClasses, measuredRates } from './forecastData';
import { activeAlarms, applyFurnaceEvent } from './furnaceState';
import { rejectClasses, rejectRate } from './rejectRate';
import { furnaceView, prediction } from './testing';

const MIN = 60_000;
const ev = (type: string, data: unknown): LiveEvent => ({ type, topic: 'furnace/F1', furnace: 'F1', ts: 0, data });

describe('reject rate', () => {
  it('is 1000 · mean rejects / mean inspected over the window', () => {
    const inspected = [1, 2, 3].map((k) => ({ t: k * MIN, v: 300 }));
    const rejects = [1, 2, 3].map((k) => ({ t: k * MIN, v: k }));
    expect(rejectRate(rejects, inspected, 3 * MIN)).toBeCloseTo((1000 * 2) / 300);
    expect(rejectRate(rejects, inspected, 3 * MIN, 1.5 * MIN)).toBeCloseTo((1000 * 2.5) / 300);
    expect(rejectRate(rejects, [], 3 * MIN)).toBeNull();
  });

  it('takes the classes from the tag map', () => {
    expect(rejectClasses('F1', [{ tag: 'F1.insp.reject.crack' }, { tag: 'F2.insp.reject.stone' }] as never)).toEqual(['crack']);
    expect(rejectClasses('F1', [])).toEqual(['crack', 'bubble', 'stone', 'chip']);
  });
});

describe('forecast data', () => {
  it('joins the measured rate to the forecast fan at the prediction instant', () => {
    const at = 100 * MIN;
    const p = prediction(at);
    expect(forecastClasses(p)).toEqual(['crack', 'bubble']);
    const f = classForecast('crack', p, [
      { t: at - MIN, v: 3 },
      { t: at, v: 3.5 },
      { t: at + MIN, v: 9 },
    ]);
    expect(f.times).toEqual([at - MIN, at, at + 15 * MIN, at + 30 * MIN, at + 60 * MIN].map((t) => t / 1000));
    expect(f.actual).toEqual([3, 3.5, null, null, null]);
    expect(f.p50).toEqual([null, 3.5, 4, 5, 6]);
    expect(f.p95[4]).toBeCloseTo(10.8);
    expect(f.p05[4]).toBeCloseTo(3);
  });

  it('measures each class at each inspection sample', () => {
    const samples = new Map([
      ['F1.insp.inspected', [{ t: MIN, v: 200 }, { t: 2 * MIN, v: 200 }]],
      ['F1.insp.reject.crack', [{ t: MIN, v: 2 }, { t: 2 * MIN, v: 4 }]],
    ]);
    const rates = measuredRates(samples, 'F1', ['crack'], 2 * MIN);
    expect(rates.get('crack')).toEqual([{ t: 2 * MIN, v: 15 }]);
  });
});

describe('furnace state', () => {
  it('applies setpoint, autonomy and alarm events', () => {
    let v = furnaceView();
    v = applyFurnaceEvent(v, ev('furnace', { change: 'setpoint', parameter: 'pullRate', previous: 300, value: 320, origin: 'policy', requestedBy: 'optimizer', at: 'T' }));
    expect(v.setpoints.pullRate).toBe(320);
    expect(v.setpointChanges.pullRate).toEqual({ value: 320, origin: 'policy', requestedBy: 'optimizer', at: 'T' });
    v = applyFurnaceEvent(v, ev('furnace', { change: 'autonomy-mode', previous: 'advisory', mode: 'supervised', requestedBy: 'anna', at: 'T' }));
    expect(v.autonomyMode).toBe('supervised');
    v = applyFurnaceEvent(v, ev('alarm', { alarmId: 'F1.crown.T1', state: 'raised', severity: 'warning', at: '2026-12-03T16:00:00Z' }));
    expect(activeAlarms(v.alarms).map((a) => a.alarmId)).toEqual(['model:defect-risk', 'F1.crown.T1']);
    v = applyFurnaceEvent(v, ev('alarm', { alarmId: 'F1.crown.T1', state: 'acknowledged', by: 'anna', at: 'T2' }));
    expect(v.alarms.find((a) => a.alarmId === 'F1.crown.T1')!.acknowledgedBy).toBe('anna');
    v = applyFurnaceEvent(v, ev('alarm', { alarmId: 'model:defect-risk', state: 'cleared', at: 'T3' }));
    expect(activeAlarms(v.alarms).map((a) => a.alarmId)).toEqual(['F1.crown.T1']);
    expect(applyFurnaceEvent(v, ev('sensor', { tag: 'F1.crown.T1' }))).toBe(v);
  });
});
