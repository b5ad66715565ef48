import { seg } from '../../api/client';
import type { TagInfo } from '../../api/plant';
import { isStale, STALE_AFTER_MS } from '../../live/live';
import { useResource } from '../../ui/useResource';
import { activeAlarms } from '../furnace/furnaceState';
import { inspectedTag, REJECT_WINDOW_MS, rejectClasses, rejectRate, rejectTag } from '../furnace/rejectRate';
import type { Alarm, AutonomyMode, Quantiles } from '../furnace/types';
import { useFurnace } from '../furnace/useFurnace';
import { PREDICTION_STALE_MS, usePrediction } from '../furnace/usePrediction';
import { useTagSamples } from '../furnace/useTagSamples';

/** The inspection counters come once a minute: a rate is stale after missing two. */
const INSPECTION_STALE_MS = 150_000;
/** The twin syncs every few seconds and is fetched every 10 s. */
const TWIN_REFRESH_MS = 10_000;
const TWIN_STALE_MS = Math.max(STALE_AFTER_MS, 3 * TWIN_REFRESH_MS);

/** A figure with the time it is from (epoch ms) and whether that is too long ago. */
export interface Figure {
  value: number | null;
  at: number | null;
  stale: boolean;
}

export interface ClassFigures {
  name: string;
  /** Rejects per 1000 over the last 15 minutes. */
  rate: number | null;
  /** The forecast at 60 min. */
  forecast: Quantiles | null;
}

/** What a furnace's overview card shows. */
export interface FurnaceFigures {
  pullRate: Figure;
  pullTag: TagInfo | undefined;
  energy: Figure;
  rejectTotal: Figure;
  classes: ClassFigures[];
  risk: Figure;
  riskThreshold: number | null;
  autonomyMode: AutonomyMode | string | null;
  activeAlarms: Alarm[] | null;
  openIncidents: number | null;
}

interface Twin {
  lastSyncAt: string | null;
  estimate: Record<string, number>;
}

function figure(value: number | null | undefined, at: number | null, now: number, staleMs: number): Figure {
  const v = value === undefined || value === null || !Number.isFinite(value) ? null : value;
  return { value: v, at, stale: v !== null && isStale(at, now, staleMs) };
}

/** The live figures of one furnace for its overview card, at `now`. */
export function useFurnaceFigures(furnace: string, tags: TagInfo[], now: number): FurnaceFigures {
  const classes = rejectClasses(furnace, tags);
  const pullTag = `${furnace}.pull.rate`;
  const watched = [pullTag, inspectedTag(furnace), ...classes.map((c) => rejectTag(furnace, c))];
  const { samples } = useTagSamples(furnace, watched, REJECT_WINDOW_MS);
  const { view } = useFurnace(furnace);
  const { prediction, receivedAt } = usePrediction(furnace);
  const twin = useResource<Twin>(`/api/twin/${seg(furnace)}`, TWIN_REFRESH_MS);
  const incidents = useResource<{ incidents: unknown[] }>(`/api/incidents?furnace=${encodeURIComponent(furnace)}&status=open`, 30_000);

  const pull = samples.get(pullTag);
  const lastPull = pull && pull.length > 0 ? pull[pull.length - 1] : null;
  const inspected = samples.get(inspectedTag(furnace));
  const lastInspected = inspected && inspected.length > 0 ? inspected[inspected.length - 1].t : null;
  const rateAt = lastInspected ?? now;
  const perClass = classes.map((c) => rejectRate(samples.get(rejectTag(furnace, c)), inspected, rateAt));
  const total = perClass.every((r) => r === null) ? null : perClass.reduce<number>((s, r) => s + (r ?? 0), 0);
  const syncAt = twin.data?.lastSyncAt ? Date.parse(twin.data.lastSyncAt) : null;
  const predictionAt = prediction ? receivedAt : null;

  return {
    pullRate: figure(lastPull?.v, lastPull?.t ?? null, now, STALE_AFTER_MS),
    pullTag: tags.find((t) => t.tag === pullTag),
    energy: figure(twin.data?.estimate?.energyPerTonneGj, syncAt, now, TWIN_STALE_MS),
    rejectTotal: figure(total, lastInspected, now, INSPECTION_STALE_MS),
    classes: classes.map((name, i) => ({ name, rate: perClass[i], forecast: prediction?.forecast?.['60m']?.[name] ?? null })),
    risk: figure(prediction?.risk, predictionAt, now, PREDICTION_STALE_MS),
    riskThreshold: prediction?.riskThreshold ?? null,
    autonomyMode: view?.autonomyMode ?? null,
    activeAlarms: view ? activeAlarms(view.alarms) : null,
    openIncidents: incidents.data ? incidents.data.incidents.length : null,
  };
}
