import { describe, expect, it } from 'vitest';
import { fromHistory, trimBefore, withLive } from './trendData';
import { liveRange, pan, presetOf, zoomed } from './trendRange';
import type { FurnaceHistory } from './history';

const H = 3_600_000;

describe('trend range', () => {
  it('pans by half its span and turns live again when it reaches now', () => {
    const now = 10 * H;
    const r = liveRange(H, now);
    expect(presetOf(r)).toBe('1h');
    const earlier = pan(r, -1, now);
    expect(earlier).toEqual({ from: 8.5 * H, to: 9.5 * H, live: false });
    expect(presetOf(earlier)).toBeNull();
    expect(pan(earlier, 1, now)).toEqual(liveRange(H, now));
    expect(pan(pan(earlier, -1, now), 1, now)).toEqual({ from: 8.5 * H, to: 9.5 * H, live: false });
  });

  it('takes a zoom in epoch seconds', () => {
    expect(zoomed(100.5, 200)).toEqual({ from: 100_500, to: 200_000, live: false });
  });
});

describe('trend data', () => {
  const h: FurnaceHistory = {
    furnace: 'F1',
    step: 'raw',
    from: '',
    to: '',
    tags: ['F1.gas.flow', 'F1.crown.T1'],
    points: [
      { ts: '1970-01-01T00:00:10Z', values: [1700, 1550] },
      { ts: '1970-01-01T00:00:20Z', values: [null, 1551] },
    ],
  };

  it('reorders the answer to the chart tags, null for a tag without history', () => {
    const d = fromHistory(h, ['F1.crown.T1', 'F1.pull.rate', 'F1.gas.flow']);
    expect(d.times).toEqual([10, 20]);
    expect(d.columns).toEqual([
      [1550, 1551],
      [null, null],
      [1700, null],
    ]);
  });

  it('adds live points into their instant, or a new row holding the other tags', () => {
    const d = fromHistory(h, ['F1.gas.flow', 'F1.crown.T1']);
    const next = withLive(d, [
      { tag: 'F1.gas.flow', t: 20, value: 1710 },
      { tag: 'F1.crown.T1', t: 21, value: 1552 },
      { tag: 'F1.gas.flow', t: 21, value: 1720 },
      { tag: 'F1.crown.T1', t: 5, value: 1 },
      { tag: 'F1.other', t: 30, value: 1 },
    ]);
    expect(next.times).toEqual([10, 20, 21]);
    expect(next.columns).toEqual([
      [1700, 1710, 1720],
      [1550, 1551, 1552],
    ]);
    expect(d.times).toEqual([10, 20]);
  });

  it('drops rows before the window', () => {
    const d = fromHistory(h, ['F1.gas.flow']);
    expect(trimBefore(d, 15).times).toEqual([20]);
    expect(trimBefore(d, 5)).toBe(d);
    expect(trimBefore(d, 25).times).toEqual([]);
  });
});
