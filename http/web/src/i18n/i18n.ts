import { useEffect, useState } from 'preact/hooks';

/** The dashboard's languages; English is the default. */
export type Lang = 'en' | 'ru';

export const LANGS: readonly Lang[] = ['en', 'ru'];

const STORAGE_KEY = 'vitrum.lang';
const listeners = new Set<(lang: Lang) => void>();
let current: Lang = 'en';

/** What `?lang=` in the URL asks for, else what was chosen before, else the browser's language. */
export function initialLang(search: string, stored: string | null, browser: string): Lang {
  const asked = new URLSearchParams(search).get('lang');
  if (asked === 'en' || asked === 'ru') return asked;
  if (stored === 'en' || stored === 'ru') return stored;
  return browser.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function lang(): Lang {
  return current;
}

/** Switches the language, remembers the choice and re-renders every `useLang` user. */
export function setLang(next: Lang): void {
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  document.documentElement.lang = next;
  listeners.forEach((l) => l(next));
}

export function startLang(): Lang {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch {
    stored = null;
  }
  const chosen = initialLang(location.search, stored, navigator.language ?? 'en');
  setLang(chosen);
  return chosen;
}

/** The current language; the component re-renders when it changes. */
export function useLang(): Lang {
  const [l, set] = useState<Lang>(current);
  useEffect(() => {
    listeners.add(set);
    return () => {
      listeners.delete(set);
    };
  }, []);
  return l;
}

type Params = Record<string, string | number>;
export type Dictionary = Record<string, string>;

/**
 * A module's own messages in both languages; the Russian table must have every English key (the
 * type says so). `{name}` in a message is replaced by the parameter of that name.
 */
export function messages<K extends string>(en: Record<K, string>, ru: Record<K, string>) {
  const tables: Record<Lang, Record<K, string>> = { en, ru };
  return (key: K, params?: Params): string => {
    const text = tables[current][key] ?? en[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, p: string) => (p in params ? String(params[p]) : m)) : text;
  };
}

function locale(l: Lang = current): string {
  return l === 'ru' ? 'ru-RU' : 'en-GB';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number with `digits` decimals in the current locale ("1 520,5" in Russian); "—" if absent. */
export function fmtNumber(value: number | null | undefined, digits = 1, l: Lang = current): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const key = `${l}:${digits}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale(l), { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, f);
  }
  return f.format(value);
}

/** A share 0..1 as a percentage in the current locale. */
export function fmtPercent(share: number | null | undefined, digits = 1, l: Lang = current): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return new Intl.NumberFormat(locale(l), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** A time of day, e.g. 14:05:09, in the browser's time zone. */
export function fmtTime(at: string | number | Date | null | undefined, l: Lang = current): string {
  if (at === null || at === undefined) return '—';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleTimeString(locale(l), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A date and time, e.g. 03.12.2026, 14:05 in Russian. */
export function fmtDateTime(at: string | number | Date | null | undefined, l: Lang = current): string {
  if (at === null || at === undefined) return '—';
  const d = at instanceof Date ? at : new Date(at);
  if (Number.isNaN(d.getTime())) return '—';
  return d.toLocaleString(locale(l), {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

const UNITS: Record<string, [string, string]> = {
  degC: ['°C', '°C'],
  'Nm3/h': ['Nm³/h', 'нм³/ч'],
  '%': ['%', '%'],
  Pa: ['Pa', 'Па'],
  kPa: ['kPa', 'кПа'],
  mm: ['mm', 'мм'],
  kW: ['kW', 'кВт'],
  MW: ['MW', 'МВт'],
  't/day': ['t/day', 'т/сут'],
  't/h': ['t/h', 'т/ч'],
  'GJ/t': ['GJ/t', 'ГДж/т'],
  'degC/min': ['°C/min', '°C/мин'],
  ppm: ['ppm', 'ppm'],
  min: ['min', 'мин'],
  h: ['h', 'ч'],
  mbar: ['mbar', 'мбар'],
};

/** A unit as written in the current language (the API's unit codes are language-neutral). */
export function unit(code: string | null | undefined, l: Lang = current): string {
  if (!code) return '';
  const u = UNITS[code];
  return u ? u[l === 'ru' ? 1 : 0] : code;
}
