import { useState } from 'preact/hooks';
import { api, ApiError, seg } from '../../api/client';
import { hasRole } from '../../api/session';
import { EmptyState, Loading, Panel } from '../../ui/common';
import { fmtChange, fmtDuration } from './format';
import { KpiDeltaTable } from './KpiDeltaTable';
import { RefusalView } from './RefusalView';
import { ScenarioList } from './ScenarioList';
import { changedTargets, SETPOINTS } from './setpoints';
import { SetpointSlider } from './SetpointSlider';
import { t } from './text';
import { Figures, ScenarioSummary, SetpointChangesRequest, WhatIfResponse } from './types';
import { WhatIfCharts } from './WhatIfCharts';

/** Horizon presets, minutes. */
const HORIZONS = [60, 240, 720, 1440];
const MAX_HORIZON = 7 * 1440;

/** A what-if's body: the targets that differ from the setpoints in force, and the horizon. */
export function whatIfRequest(targets: Record<string, number>, current: Figures, horizonMinutes: number): SetpointChangesRequest {
  return { absolute: changedTargets(targets, current), horizonMinutes };
}

interface Shown {
  response: WhatIfResponse;
  startMs: number;
}

/**
 * The what-if: setpoint targets and a horizon; Run asks the twin for baseline and scenario from its
 * synced state and draws both courses and the difference of the figures; recent scenarios load again.
 */
export function WhatIfPanel(props: {
  furnace: string;
  current: Figures;
  targets: Record<string, number>;
  onTargets: (targets: Record<string, number>) => void;
  scenarios: ScenarioSummary[];
  onRecorded: () => void;
}) {
  const [horizon, setHorizon] = useState(240);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const operator = hasRole('operator');
  const body = whatIfRequest(props.targets, props.current, horizon);
  const nothing = Object.keys(body.absolute ?? {}).length === 0;

  async function settle(load: () => Promise<WhatIfResponse>, startMs: number): Promise<boolean> {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setShown({ response: await load(), startMs });
      return true;
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 }));
      return false;
    } finally {
      setBusy(false);
    }
  }

  function run(e: Event) {
    e.preventDefault();
    if (nothing) {
      setNote(t('whatif.nothing'));
      return;
    }
    void settle(() => api.post<WhatIfResponse>(`/api/twin/${seg(props.furnace)}/what-if`, body), Date.now()).then((ok) => ok && props.onRecorded());
  }

  function open(s: ScenarioSummary) {
    void settle(() => api.get<WhatIfResponse>(`/api/twin/${seg(props.furnace)}/scenarios/${seg(s.scenarioId)}`), Date.parse(s.at) || Date.now());
  }

  const reset = () => props.onTargets({ ...props.current });

  return (
    <Panel title={t('whatif.title')} wide id="what-if">
      <div class="whatif">
        <form class="whatif-form" onSubmit={run}>
          <p class="small muted">{t('whatif.intro')}</p>
          {SETPOINTS.map((spec) => (
            <SetpointSlider
              key={spec.key}
              spec={spec}
              current={props.current[spec.key]}
              target={props.targets[spec.key] ?? props.current[spec.key] ?? spec.min}
              onChange={(v) => props.onTargets({ ...props.targets, [spec.key]: v })}
            />
          ))}
          <div class="field">
            <label for="whatif-horizon">
              {t('whatif.horizon')} ({t('whatif.minutes')})
            </label>
            <div class="row">
              <input
                id="whatif-horizon"
                type="number"
                min={1}
                max={MAX_HORIZON}
                step={1}
                value={horizon}
                class="setpoint-number"
                onChange={(e) => {
                  const v = Math.round(Number((e.target as HTMLInputElement).value));
                  if (Number.isFinite(v)) setHorizon(v);
                }}
              />
              {HORIZONS.map((h) => (
                <button key={h} type="button" class={`btn small${h === horizon ? ' on' : ''}`} aria-pressed={h === horizon} onClick={() => setHorizon(h)}>
                  {fmtDuration(h)}
                </button>
              ))}
            </div>
          </div>
          <div class="row">
            <button type="submit" class="btn primary" data-testid="whatif-run" disabled={busy || !operator}>
              {busy ? t('whatif.running') : t('whatif.run')}
            </button>
            <button type="button" class="btn ghost" onClick={reset} disabled={busy}>
              {t('whatif.reset')}
            </button>
          </div>
          {!operator && <p class="small muted">{t('whatif.operatorOnly')}</p>}
          {error && (
            <div class="whatif-refusal">
              <h3>{t('whatif.refused')}</h3>
              <RefusalView error={error} />
            </div>
          )}
          {note && (
            <p class="small twin-note" role="status">
              {note}
            </p>
          )}
        </form>
        <div class="whatif-result" aria-live="polite">
          {busy && !shown && <Loading />}
          {!shown && !busy && !error && <EmptyState icon="⇄" title={t('whatif.noResult')} detail={t('whatif.noResultDetail')} />}
          {shown && <WhatIfResult shown={shown} />}
        </div>
      </div>
      <h3>{t('whatif.recent')}</h3>
      <ScenarioList scenarios={props.scenarios} selected={shown?.response.scenarioId ?? null} onOpen={open} />
    </Panel>
  );
}

function WhatIfResult(props: { shown: Shown }) {
  const r = props.shown.response;
  const course = r.trajectories;
  return (
    <div data-testid="whatif-result">
      <h3>
        {t('whatif.result', { id: r.scenarioId, horizon: fmtDuration(r.horizonMinutes) })}
      </h3>
      <p class="small">
        {r.changes.map(fmtChange).join('; ')}
      </p>
      {course && course.scenario.length > 0 ? (
        <WhatIfCharts key={r.scenarioId} baseline={course.baseline} scenario={course.scenario} startMs={props.shown.startMs} horizonMinutes={r.horizonMinutes} />
      ) : (
        <p class="small muted">{t('whatif.noCourse')}</p>
      )}
      <KpiDeltaTable baseline={r.baseline} scenario={r.scenario} delta={r.delta} />
    </div>
  );
}
