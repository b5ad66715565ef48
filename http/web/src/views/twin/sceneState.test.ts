import { describe, expect, it } from 'vitest';
import { sceneState, zoneTemperatures } from './sceneState';
import { rejectRates } from './useLineReadings';

const r = (value: number) => ({ value, at: 0 });

describe('the scene state', () => {
  it('takes the estimate where it carries a zone and sensors for the rest', () => {
    const temps = zoneTemperatures(
      { crownC: 1550, meltTopC: 1430, meltBottomC: 1320, throatC: 1280, gobC: 1100 },
      { 'crown.T2': r(1571), 'regen.L.top': r(1340), 'fh.Z3': r(1150), 'lehr.Z6': r(80), 'throat.T': r(1299) },
    );
    expect(temps['crown.1']).toBe(1550);
    expect(temps['crown.2']).toBe(1571);
    expect(temps['regen.L']).toBe(1340);
    expect(temps['regen.R']).toBeNull();
    expect(temps.throat).toBe(1280);
    expect(temps['fh.3']).toBe(1150);
    expect(temps['lehr.6']).toBe(80);
    expect(temps['bath.bottom']).toBe(1320);
  });

  it('rates rejects per 1000 inspected and scales the markers', () => {
    const readings = { 'insp.inspected': r(250), 'insp.reject.stone': r(5), 'insp.reject.chip': r(0) };
    expect(rejectRates(readings, ['stone', 'chip', 'crack'])).toEqual({ stone: 20, chip: 0, crack: null });
    const s = sceneState(undefined, readings);
    expect(s.defects.stone).toBe(1);
    expect(s.defects.chip).toBe(0);
    expect(s.defects.crack).toBeNull();
  });
});
