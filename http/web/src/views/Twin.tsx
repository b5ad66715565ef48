import { useEffect, useRef, useState } from 'preact/hooks';
import { seg } from '../api/client';
import { usePlant } from '../api/plant';
import { fmtNumber, fmtTime, useLang } from '../i18n/i18n';
import { isStale, useLive, useNow } from '../live/live';
import { EmptyState, Loading, Panel, ProblemView, StaleMark } from '../ui/common';
import { useResource } from '../ui/useResource';
import { Furnace3D } from './twin/Furnace3D';
import { setpointSpec } from './twin/setpoints';
import { ShadowPanel } from './twin/ShadowPanel';
import { t } from './twin/text';
import { TwinEstimate } from './twin/TwinEstimate';
import { Figures, TwinResponse } from './twin/types';
import { useLineReadings } from './twin/useLineReadings';
import { whatIfRequest, WhatIfPanel } from './twin/WhatIfPanel';
import './twin/twin.css';

/** The twin is fetched again at most this often when it reports syncs. */
const RELOAD_AFTER_SYNC_MS = 3000;

/** The targets a what-if starts from: the setpoints in force, the crown 10 °C up as an example. */
export function initialTargets(setpoints: Figures): Record<string, number> {
  const crown = setpointSpec('crownTemperature')!;
  const now = setpoints.crownTemperature;
  const targets = { ...setpoints };
  if (Number.isFinite(now)) targets.crownTemperature = now + 10 <= crown.max ? now + 10 : now - 10;
  return targets;
}

interface TwinLive {
  syncs: number;
  lastSyncAt: string | null;
  shadowActive: boolean;
}

/**
 * The furnace's digital twin: the line in 3D coloured by the twin's temperatures with defects where
 * they arise, the twin's estimate and fit, what-if scenarios against the baseline, and shadow runs.
 */
export function Twin(props: { furnace: string }) {
  useLang();
  const id = props.furnace;
  const twin = useResource<TwinResponse>(`/api/twin/${seg(id)}`, 15_000);
  const readings = useLineReadings(id);
  const { plant } = usePlant();
  const now = useNow(5000);
  const [live, setLive] = useState<TwinLive | null>(null);
  const [version, setVersion] = useState(0);
  const [targets, setTargets] = useState<Record<string, number> | null>(null);
  const lastReload = useRef(0);

  useEffect(() => {
    setLive(null);
    setTargets(null);
  }, [id]);

  useEffect(() => {
    if (twin.data && targets === null) setTargets(initialTargets(twin.data.setpoints));
  }, [twin.data, targets]);

  useLive(`twin/${id}`, (e) => {
    if (e.type !== 'twin' || !e.data) return;
    setLive({ syncs: e.data.syncs, lastSyncAt: e.data.lastSyncAt, shadowActive: e.data.shadowActive });
    setVersion((v) => v + 1);
    if (Date.now() - lastReload.current >= RELOAD_AFTER_SYNC_MS) {
      lastReload.current = Date.now();
      twin.reload();
    }
  });

  const head = (
    <div class="view-head">
      <h1>{t('title', { furnace: id })}</h1>
      <nav class="tabs twin-links" aria-label={t('title', { furnace: id })}>
        <a href={`/furnaces/${seg(id)}`}>{t('toFurnace', { furnace: id })}</a>
        <a href={`/furnaces/${seg(id)}/explanations`}>{t('toExplanations')}</a>
      </nav>
      {twin.data && <SyncStatus twin={twin.data} live={live} now={now} />}
    </div>
  );

  if (!twin.data) {
    return (
      <div>
        {head}
        {twin.error ? (
          twin.error.status === 404 ? (
            <EmptyState icon="◇" title={t('noTwin')} detail={t('noTwinDetail')} />
          ) : (
            <ProblemView error={twin.error} onRetry={twin.reload} />
          )
        ) : (
          <Loading />
        )}
      </div>
    );
  }

  const data = twin.data;
  const lastSyncAt = live?.lastSyncAt ?? data.lastSyncAt;
  const stale = isStale(lastSyncAt ? Date.parse(lastSyncAt) : null, now);
  const chosen = targets ?? initialTargets(data.setpoints);
  const candidate = whatIfRequest(chosen, data.setpoints, 0);

  return (
    <div class="twin-view">
      {head}
      {twin.error && <ProblemView error={twin.error} onRetry={twin.reload} />}
      <div class="twin-top">
        <Panel title={t('scene.title')}>
          <Furnace3D furnace={id} estimate={data.estimate} readings={readings} />
        </Panel>
        <Panel title={t('estimate.title')}>
          <TwinEstimate twin={data} tags={plant?.tags ?? []} stale={stale} />
        </Panel>
      </div>
      <div class="stack">
        <WhatIfPanel furnace={id} current={data.setpoints} targets={chosen} onTargets={setTargets} scenarios={data.scenarios ?? []} onRecorded={twin.reload} />
        <ShadowPanel furnace={id} candidate={{ absolute: candidate.absolute }} version={version} />
      </div>
    </div>
  );
}

function SyncStatus(props: { twin: TwinResponse; live: TwinLive | null; now: number }) {
  const syncs = props.live?.syncs ?? props.twin.syncs;
  const at = props.live?.lastSyncAt ?? props.twin.lastSyncAt;
  const shadow = props.live?.shadowActive ?? props.twin.shadowActive;
  const stale = isStale(at ? Date.parse(at) : null, props.now);
  return (
    <div class="row small twin-sync" role="status">
      <span class={`badge ${at ? (stale ? 'warn' : 'ok') : ''}`}>{t('syncs', { n: fmtNumber(syncs, 0) })}</span>
      <span class="muted">{at ? t('lastSync', { time: fmtTime(at) }) : t('neverSynced')}</span>
      <StaleMark stale={!!at && stale} />
      {shadow && <span class="badge warn">{t('shadowOn')}</span>}
    </div>
  );
}
