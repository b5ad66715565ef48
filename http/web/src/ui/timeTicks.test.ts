import { describe, expect, it } from 'vitest';
import { tickKind } from './timeTicks';

describe('time ticks', () => {
  it('show seconds when zoomed in, the date once the chart spans days', () => {
    expect(tickKind(10, 300)).toBe('seconds');
    expect(tickKind(600, 3600)).toBe('minutes');
    expect(tickKind(6 * 3600, 3 * 86_400)).toBe('dayTime');
    expect(tickKind(86_400, 7 * 86_400)).toBe('days');
  });
});
