import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { deltaTone, figureLabel, fmtDelta } from './figures';
import { fmtChange, fmtDuration } from './format';

describe('figures and changes', () => {
  afterEach(() => setLang('en'));

  it('signs differences and colours them by which way is better', () => {
    expect(fmtDelta('energyPerTonneGj', 0.114)).toBe('+0.11');
    expect(fmtDelta('crownC', -12.4)).toBe('−12');
    expect(fmtDelta('crownC', 0.2)).toBe('0');
    expect(deltaTone('energyPerTonneGj', -0.2)).toBe('ok');
    expect(deltaTone('rejects.crack', 0.3)).toBe('alarm');
    expect(deltaTone('crownC', 10)).toBeNull();
  });

  it('names defect figures by class in both languages', () => {
    expect(figureLabel('rejects.crack')).toBe('Rejects: cracks');
    expect(figureLabel('defects.seed')).toBe('Defects: seeds');
    setLang('ru');
    expect(figureLabel('defects.seed')).toBe('Дефекты: мошка');
    expect(fmtDuration(240)).toBe('4 ч');
  });

  it('writes changes and horizons', () => {
    expect(fmtChange({ parameter: 'crownTemperature', mode: 'delta', value: 10 })).toBe('Crown temperature +10 °C');
    expect(fmtChange({ parameter: 'pullRate', mode: 'absolute', value: 320 })).toBe('Pull rate → 320 t/day');
    expect(fmtDuration(45)).toBe('45 min');
    expect(fmtDuration(240)).toBe('4 h');
    expect(fmtDuration(4320)).toBe('3 d');
  });
});
