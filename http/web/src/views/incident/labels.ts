import { messages, unit } from '../../i18n/i18n';
import { IncidentStatus } from './types';

const defects = messages(
  { crack: 'Cracks', bubble: 'Bubbles', stone: 'Stones', chip: 'Chips', anomaly: 'Sensor anomaly' },
  { crack: 'Трещины', bubble: 'Пузыри', stone: 'Камни', chip: 'Сколы', anomaly: 'Аномалия датчика' },
);

/** The faults of the causal ontology by id (the graph's own names are used where it is loaded). */
const faults = messages(
  {
    'burner-degradation': 'Burner degradation',
    'batch-moisture': 'Batch moisture',
    'cullet-swing': 'Cullet swing',
    'lehr-fan-failure': 'Lehr fan failure',
    'refractory-wear': 'Refractory wear',
    'thermocouple-drift': 'Thermocouple drift',
  },
  {
    'burner-degradation': 'Деградация горелок',
    'batch-moisture': 'Влажность шихты',
    'cullet-swing': 'Колебание доли стеклобоя',
    'lehr-fan-failure': 'Отказ вентилятора лера',
    'refractory-wear': 'Износ огнеупора',
    'thermocouple-drift': 'Дрейф термопары',
  },
);

const statuses = messages({ open: 'Open', closed: 'Closed' }, { open: 'Открыт', closed: 'Закрыт' });

type DefectKey = Parameters<typeof defects>[0];
type FaultKey = Parameters<typeof faults>[0];

const DEFECTS: readonly string[] = ['crack', 'bubble', 'stone', 'chip', 'anomaly'];
const FAULTS: readonly string[] = [
  'burner-degradation',
  'batch-moisture',
  'cullet-swing',
  'lehr-fan-failure',
  'refractory-wear',
  'thermocouple-drift',
];

/** A reject class (or `anomaly`) in the current language; an unknown one as the API names it. */
export function defectName(defect: string): string {
  return DEFECTS.includes(defect) ? defects(defect as DefectKey) : defect;
}

/** A fault id in the current language; an unknown one as the API names it. */
export function faultName(fault: string | null | undefined): string {
  if (!fault) return '—';
  return FAULTS.includes(fault) ? faults(fault as FaultKey) : fault;
}

export function statusName(status: IncidentStatus): string {
  return statuses(status);
}

/** The badge class of a status: an open incident is an alarm until it is closed. */
export function statusBadge(status: IncidentStatus): string {
  return status === 'open' ? 'badge alarm' : 'badge ok';
}

/** How long from `from` to `to` (or to `now` while open), e.g. `3 h 05 min` or `12 min`. */
export function fmtDuration(from: string, to: string | null, now: number): string {
  const a = Date.parse(from);
  const b = to ? Date.parse(to) : now;
  if (Number.isNaN(a) || Number.isNaN(b)) return '—';
  const minutes = Math.max(0, Math.round((b - a) / 60_000));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} ${unit('min')}`;
  return `${h} ${unit('h')} ${String(m).padStart(2, '0')} ${unit('min')}`;
}
