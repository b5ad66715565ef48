import { useState } from 'preact/hooks';
import { usePlant } from '../api/plant';
import { Panel, EmptyState, ProblemView, Loading } from '../ui/common';
import { useResource } from '../ui/useResource';
import { DecisionSummary } from './inspection/DecisionSummary';
import { FrameGrid } from './inspection/FrameGrid';
import './inspection/inspection.css';
import { t } from './inspection/labels';
import { FurnaceRejectRates } from './inspection/RejectRates';
import { DecisionsResponse, decisionsPath } from './inspection/types';
import { RATE_WINDOW_MS } from './inspection/rejectRates';

/** How often the latest frames are asked for again. */
const REFRESH_MS = 3000;

/**
 * MIK-1 inspection: the latest frames with their decisions and classes (filter by furnace, rejects
 * only), and the reject rate per class of each line from the inspection counters.
 */
export function Inspection() {
  const { plant, error: plantError } = usePlant();
  const [furnace, setFurnace] = useState<string | null>(null);
  const [rejectsOnly, setRejectsOnly] = useState(false);
  const decisions = useResource<DecisionsResponse>(decisionsPath(furnace), REFRESH_MS);
  const furnaces = plant ? (furnace ? [furnace] : plant.furnaces) : [];
  return (
    <div class="stack">
      <div class="view-head">
        <h1>{t('title')}</h1>
        <div class="row insp-filters">
          <label for="insp-furnace">
            {t('furnace')}
            <select id="insp-furnace" value={furnace ?? ''} onChange={(e) => setFurnace((e.target as HTMLSelectElement).value || null)}>
              <option value="">{t('all')}</option>
              {(plant?.furnaces ?? []).map((f) => (
                <option key={f} value={f}>
                  {f}
                </option>
              ))}
            </select>
          </label>
          <label for="insp-rejects">
            <input id="insp-rejects" type="checkbox" checked={rejectsOnly} onChange={(e) => setRejectsOnly((e.target as HTMLInputElement).checked)} />
            {t('rejectsOnly')}
          </label>
        </div>
      </div>
      {decisions.data && decisions.data.decisions.length > 0 && <DecisionSummary decisions={decisions.data.decisions} />}
      <Panel title={t('latest')} wide>
        <FrameGrid res={decisions} rejectsOnly={rejectsOnly} />
      </Panel>
      <Panel title={t('rates')} wide>
        <p class="small muted">
          {t('ratesHint', { inspected: '<F>.insp.inspected', rejects: '<F>.insp.reject.<class>', minutes: RATE_WINDOW_MS / 60_000 })}
        </p>
        {plantError ? (
          <ProblemView error={plantError} />
        ) : !plant ? (
          <Loading />
        ) : furnaces.length === 0 ? (
          <EmptyState title={t('noFurnaces')} />
        ) : (
          <div class="rate-grid">
            {furnaces.map((f) => (
              <FurnaceRejectRates key={f} furnace={f} tags={plant.tags} />
            ))}
          </div>
        )}
      </Panel>
    </div>
  );
}
