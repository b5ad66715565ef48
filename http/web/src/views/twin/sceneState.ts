import { DefectSite, DEFECT_SITES, SceneState, ZoneId } from './furnaceScene';
import { Figures } from './types';
import { LineReadings, rejectRates } from './useLineReadings';

/** Rejects per 1000 items of one class at which its marker is drawn at full strength. */
export const FULL_MARKER_PER_THOUSAND = 20;

/** °C per zone: the twin's estimate where it carries the zone, else the zone's own sensor. */
export function zoneTemperatures(estimate: Figures | undefined, readings: LineReadings): Record<ZoneId, number | null> {
  const sensor = (tag: string) => readings[tag]?.value ?? null;
  const est = (key: string) => (estimate && Number.isFinite(estimate[key]) ? estimate[key] : null);
  const temps = {
    'regen.L': sensor('regen.L.top'),
    'regen.R': sensor('regen.R.top'),
    'bath.top': est('meltTopC'),
    'bath.bottom': est('meltBottomC'),
    throat: est('throatC') ?? sensor('throat.T'),
    gob: est('gobC') ?? sensor('gob.T'),
  } as Record<ZoneId, number | null>;
  for (let i = 1; i <= 6; i++) temps[`crown.${i}` as ZoneId] = sensor(`crown.T${i}`) ?? est('crownC');
  for (let i = 1; i <= 3; i++) temps[`fh.${i}` as ZoneId] = sensor(`fh.Z${i}`);
  for (let i = 1; i <= 6; i++) temps[`lehr.${i}` as ZoneId] = sensor(`lehr.Z${i}`);
  return temps;
}

/** What the 3D scene shows: zone temperatures and a marker strength per defect class. */
export function sceneState(estimate: Figures | undefined, readings: LineReadings): SceneState & { temps: Record<ZoneId, number | null> } {
  const rates = rejectRates(readings, DEFECT_SITES);
  const defects: Partial<Record<DefectSite, number | null>> = {};
  for (const site of DEFECT_SITES) {
    const r = rates[site];
    defects[site] = r === null ? null : Math.min(1, Math.sqrt(r / FULL_MARKER_PER_THOUSAND));
  }
  return { temps: zoneTemperatures(estimate, readings), defects };
}
