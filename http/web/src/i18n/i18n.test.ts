import { describe, expect, it } from 'vitest';
import { fmtNumber, fmtPercent, initialLang, messages, setLang, unit } from './i18n';

describe('i18n', () => {
  it('takes the language from the URL, else the remembered choice, else the browser', () => {
    expect(initialLang('?lang=ru', 'en', 'en-US')).toBe('ru');
    expect(initialLang('?lang=xx', 'ru', 'en-US')).toBe('ru');
    expect(initialLang('', null, 'ru-RU')).toBe('ru');
    expect(initialLang('', null, 'de-DE')).toBe('en');
  });

  it('remembers the choice', () => {
    setLang('ru');
    expect(localStorage.getItem('vitrum.lang')).toBe('ru');
    setLang('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('translates with parameters in the current language', () => {
    const t = messages({ hello: 'Furnace {id}' }, { hello: 'Печь {id}' });
    setLang('ru');
    expect(t('hello', { id: 'F2' })).toBe('Печь F2');
    setLang('en');
    expect(t('hello', { id: 'F2' })).toBe('Furnace F2');
  });

  it('formats numbers and units per locale', () => {
    expect(fmtNumber(1520.46, 1, 'en')).toBe('1,520.5');
    expect(fmtNumber(1520.46, 1, 'ru').replace(/\s/g, ' ')).toBe('1 520,5');
    expect(fmtNumber(Number.NaN)).toBe('—');
    expect(fmtPercent(0.125, 1, 'en')).toBe('12.5%');
    expect(unit('t/day', 'ru')).toBe('т/сут');
    expect(unit('GJ/t', 'en')).toBe('GJ/t');
    expect(unit('weird', 'ru')).toBe('weird');
  });
});
