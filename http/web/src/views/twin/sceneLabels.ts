import { fmtNumber, unit } from '../../i18n/i18n';
import { AnchorId, DEFECT_SITES, DefectSite, ZoneId } from './furnaceScene';
import { t, TwinKey } from './text';

/** The text of one label on the 3D scene: what it is and its figure now. */
export interface SceneLabel {
  id: AnchorId;
  name: string;
  value: string;
  kind: 'zone' | 'defect';
}

function celsius(v: number | null | undefined): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : `${fmtNumber(v, 0)} ${unit('degC')}`;
}

/** "1 240 → 1 150 °C" along the flow, from the first zone of a group to its last. */
function along(temps: Record<ZoneId, number | null>, ids: ZoneId[]): string {
  const first = temps[ids[0]];
  const last = temps[ids[ids.length - 1]];
  if (first === null || last === null) return celsius(first ?? last);
  return `${fmtNumber(first, 0)} → ${fmtNumber(last, 0)} ${unit('degC')}`;
}

function range(temps: Record<ZoneId, number | null>, ids: ZoneId[]): string {
  const values = ids.map((z) => temps[z]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (values.length === 0) return '—';
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return Math.round(lo) === Math.round(hi) ? celsius(lo) : `${fmtNumber(lo, 0)}–${fmtNumber(hi, 0)} ${unit('degC')}`;
}

const seq = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}.${i + 1}` as ZoneId);

/** The scene's labels: zone temperatures and, where counted, the reject rate of each defect class. */
export function sceneLabels(temps: Record<ZoneId, number | null>, rates: Record<string, number | null>): SceneLabel[] {
  const zone = (id: AnchorId, key: TwinKey, value: string): SceneLabel => ({ id, name: t(key), value, kind: 'zone' });
  const labels: SceneLabel[] = [
    zone('regen.L', 'zone.regen.L', celsius(temps['regen.L'])),
    zone('regen.R', 'zone.regen.R', celsius(temps['regen.R'])),
    zone('crown', 'zone.crown', range(temps, seq('crown', 6))),
    zone('bath', 'zone.bath', along(temps, ['bath.top', 'bath.bottom'])),
    zone('throat', 'zone.throat', celsius(temps.throat)),
    zone('fh', 'zone.fh', along(temps, seq('fh', 3))),
    zone('gob', 'zone.gob', celsius(temps.gob)),
    zone('lehr', 'zone.lehr', along(temps, seq('lehr', 6))),
  ];
  for (const site of DEFECT_SITES as readonly DefectSite[]) {
    const r = rates[site];
    if (r === null || r === undefined) continue;
    labels.push({ id: site, name: t(`marker.${site}` as TwinKey), value: t('scene.perThousand', { value: fmtNumber(r, 1) }), kind: 'defect' });
  }
  return labels;
}
