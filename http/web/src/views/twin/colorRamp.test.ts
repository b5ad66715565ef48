import { rampColor, rampGradient, rampPosition, RAMP } from './colorRamp';

describe('the temperature ramp', () => {
  it('places stops evenly on the legend and clamps outside them', () => {
    expect(rampPosition(-20)).toBe(0);
    expect(rampPosition(RAMP[0].c)).toBe(0);
    expect(rampPosition(RAMP[RAMP.length - 1].c + 100)).toBe(1);
    expect(rampPosition(RAMP[4].c)).toBeCloseTo(4 / (RAMP.length - 1));
  });

  it('is monotonic in temperature', () => {
    let previous = -1;
    for (let c = 0; c <= 1700; c += 25) {
      const p = rampPosition(c);
      expect(p).toBeGreaterThanOrEqual(previous);
      previous = p;
    }
  });

  it('interpolates colours between stops', () => {
    const mid = (RAMP[7].c + RAMP[8].c) / 2;
    const [r, g] = rampColor(mid);
    expect(r).toBeGreaterThan(RAMP[7].rgb[0]);
    expect(g).toBeGreaterThan(RAMP[7].rgb[1]);
    expect(g).toBeLessThan(RAMP[8].rgb[1]);
    expect(rampGradient()).toMatch(/^linear-gradient\(to right, rgb\(/);
  });
});
