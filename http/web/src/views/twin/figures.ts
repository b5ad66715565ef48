import { Lang, fmtNumber, lang, unit } from '../../i18n/i18n';
import { t, TwinKey } from './text';

/** Whether a figure going down is good news (energy, defects, stress), up, or neither. */
export type Better = 'lower' | 'higher' | null;

/** How one of the twin's figures is shown: its label, unit code and decimals. */
export interface FigureInfo {
  label: TwinKey | null;
  unit: string;
  digits: number;
  better: Better;
}

const KNOWN: Record<string, FigureInfo> = {
  crownC: { label: 'fig.crownC', unit: 'degC', digits: 0, better: null },
  meltTopC: { label: 'fig.meltTopC', unit: 'degC', digits: 0, better: null },
  meltBottomC: { label: 'fig.meltBottomC', unit: 'degC', digits: 0, better: null },
  throatC: { label: 'fig.throatC', unit: 'degC', digits: 0, better: null },
  gobC: { label: 'fig.gobC', unit: 'degC', digits: 1, better: null },
  gasFlowNm3h: { label: 'fig.gasFlowNm3h', unit: 'Nm3/h', digits: 0, better: 'lower' },
  energyPerTonneGj: { label: 'fig.energyPerTonneGj', unit: 'GJ/t', digits: 2, better: 'lower' },
  finingViscosityPaS: { label: 'fig.finingViscosityPaS', unit: 'Pa.s', digits: 1, better: null },
  throatViscosityPaS: { label: 'fig.throatViscosityPaS', unit: 'Pa.s', digits: 1, better: null },
  gobViscosityPaS: { label: 'fig.gobViscosityPaS', unit: 'Pa.s', digits: 0, better: null },
  lehrStressMPa: { label: 'fig.lehrStressMPa', unit: 'MPa', digits: 2, better: 'lower' },
  regeneratorLeftC: { label: 'fig.regeneratorLeftC', unit: 'degC', digits: 1, better: null },
  regeneratorRightC: { label: 'fig.regeneratorRightC', unit: 'degC', digits: 1, better: null },
  glassLevelMm: { label: 'fig.glassLevelMm', unit: 'mm', digits: 2, better: null },
  totalDefectsPerThousand: { label: 'fig.totalDefects', unit: 'per1000', digits: 2, better: 'lower' },
};

const DEFECTS: Record<string, TwinKey> = {
  seed: 'defect.seed',
  blister: 'defect.blister',
  stone: 'defect.stone',
  cord: 'defect.cord',
  crack: 'defect.crack',
  chip: 'defect.chip',
  bubble: 'defect.bubble',
};

const LOCAL_UNITS: Record<string, [string, string]> = {
  'Pa.s': ['Pa·s', 'Па·с'],
  MPa: ['MPa', 'МПа'],
  per1000: ['/1000', '/1000'],
};

/** What is known about figure `key`; unknown figures show under their own name. */
export function figureInfo(key: string): FigureInfo {
  const known = KNOWN[key];
  if (known) return known;
  return { label: null, unit: key.startsWith('defects.') || key.startsWith('rejects.') ? 'per1000' : '', digits: 2, better: key.includes('.') ? 'lower' : null };
}

/** The label of figure `key` in the current language. */
export function figureLabel(key: string): string {
  const info = figureInfo(key);
  if (info.label) return t(info.label);
  const [group, cls] = key.split('.');
  if (cls && (group === 'defects' || group === 'rejects')) {
    const name = DEFECTS[cls] ? t(DEFECTS[cls]) : cls;
    return t(group === 'defects' ? 'fig.defects' : 'fig.rejects', { name });
  }
  return key;
}

/** A unit code as written in the current language, including the twin's own (Pa·s, MPa, per 1000). */
export function figureUnit(code: string, l: Lang = lang()): string {
  const local = LOCAL_UNITS[code];
  return local ? local[l === 'ru' ? 1 : 0] : unit(code, l);
}

/** Figure `key`'s value with its decimals (no unit). */
export function fmtFigure(key: string, value: number | null | undefined): string {
  return fmtNumber(value, figureInfo(key).digits);
}

/** A signed difference, e.g. "+12" or "−0.04". */
export function fmtDelta(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const digits = figureInfo(key).digits;
  const text = fmtNumber(Math.abs(value), digits);
  if (Number(Math.abs(value).toFixed(digits)) === 0) return text;
  return (value > 0 ? '+' : '−') + text;
}

/** Whether a difference is good, bad or neither news for figure `key`. */
export function deltaTone(key: string, value: number): 'ok' | 'alarm' | null {
  const { better, digits } = figureInfo(key);
  if (!better || Number(Math.abs(value).toFixed(digits)) === 0) return null;
  return (value < 0) === (better === 'lower') ? 'ok' : 'alarm';
}
