import { useState } from 'preact/hooks';
import { TimeChart } from '../../ui/TimeChart';
import { figureInfo, figureLabel, figureUnit } from './figures';
import { fmtDuration } from './format';
import { t } from './text';
import { CoursePoint } from './types';

/** The quantities a what-if draws first, when the course carries them. */
export const DEFAULT_QUANTITIES = ['crownC', 'energyPerTonneGj', 'gobC'];

const OFFERED = ['crownC', 'meltTopC', 'throatC', 'gobC', 'energyPerTonneGj', 'gasFlowNm3h', 'lehrStressMPa', 'totalDefectsPerThousand'];

const BASELINE = '#8fa3b1';
const SCENARIO = '#4cb3ff';

/**
 * Baseline beside scenario: one chart per chosen quantity, each with the two predicted courses
 * (`data-series-count` on the box says how many lines are drawn in all).
 */
export function WhatIfCharts(props: { baseline: CoursePoint[]; scenario: CoursePoint[]; startMs: number; horizonMinutes: number }) {
  const available = OFFERED.filter((k) => props.scenario.some((p) => Number.isFinite(p.kpis[k])));
  const [chosen, setChosen] = useState<string[]>(DEFAULT_QUANTITIES);
  const shown = available.filter((k) => chosen.includes(k));
  const times = props.scenario.map((p) => Math.round(props.startMs / 1000 + p.minute * 60));
  const byMinute = new Map(props.baseline.map((p) => [p.minute, p.kpis]));
  const toggle = (k: string) => setChosen((c) => (c.includes(k) ? c.filter((x) => x !== k) : [...c, k]));

  return (
    <div>
      <fieldset class="twin-quantities">
        <legend class="small muted">{t('whatif.quantities')}</legend>
        {available.map((k) => (
          <label key={k} class="twin-check">
            <input type="checkbox" checked={chosen.includes(k)} onChange={() => toggle(k)} /> {figureLabel(k)}
          </label>
        ))}
      </fieldset>
      <div class="whatif-charts" data-testid="whatif-chart" data-series-count={shown.length * 2}>
        {shown.map((k) => {
          const u = figureUnit(figureInfo(k).unit);
          const name = figureLabel(k);
          return (
            <div key={k} class="whatif-chart">
              <h3>
                {name} {u && <span class="muted small">· {u}</span>}
              </h3>
              <TimeChart
                height={170}
                times={times}
                yLabel={u}
                ariaLabel={t('whatif.chartAria', { name, horizon: fmtDuration(props.horizonMinutes) })}
                series={[
                  { label: t('whatif.baseline'), color: BASELINE, dash: [6, 4], width: 1.5, values: props.scenario.map((p) => byMinute.get(p.minute)?.[k] ?? null) },
                  { label: t('whatif.scenario'), color: SCENARIO, width: 2, values: props.scenario.map((p) => p.kpis[k] ?? null) },
                ]}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
