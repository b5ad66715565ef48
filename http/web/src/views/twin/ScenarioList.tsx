import { fmtTime } from '../../i18n/i18n';
import { deltaTone, fmtDelta } from './figures';
import { fmtChange, fmtDuration } from './format';
import { t } from './text';
import { ScenarioSummary } from './types';

function DeltaCell(props: { figure: string; delta: Record<string, number> }) {
  const d = props.delta[props.figure];
  const tone = d === undefined ? null : deltaTone(props.figure, d);
  return <td class={`num delta${tone ? ` tone-${tone}` : ''}`}>{fmtDelta(props.figure, d)}</td>;
}

/** The twin's recent what-ifs, newest first; "Show" loads one again with its courses. */
export function ScenarioList(props: { scenarios: ScenarioSummary[]; selected: string | null; onOpen: (s: ScenarioSummary) => void }) {
  if (props.scenarios.length === 0) return <p class="small muted">{t('whatif.recentNone')}</p>;
  const newest = [...props.scenarios].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <div class="table-scroll">
      <table class="twin-scenarios">
        <thead>
          <tr>
            <th scope="col">{t('whatif.at')}</th>
            <th scope="col">{t('whatif.changes')}</th>
            <th scope="col">{t('whatif.horizon')}</th>
            <th scope="col" class="num">
              {t('whatif.energy')}
            </th>
            <th scope="col" class="num">
              {t('whatif.defects')}
            </th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {newest.map((s) => (
            <tr key={s.scenarioId} class={s.scenarioId === props.selected ? 'selected' : undefined}>
              <td class="mono small">{fmtTime(s.at)}</td>
              <td>{s.changes.map(fmtChange).join('; ')}</td>
              <td>{fmtDuration(s.horizonMinutes)}</td>
              <DeltaCell figure="energyPerTonneGj" delta={s.delta} />
              <DeltaCell figure="totalDefectsPerThousand" delta={s.delta} />
              <td>
                <button type="button" class="btn small" onClick={() => props.onOpen(s)} aria-label={`${t('whatif.open')} ${s.scenarioId}`}>
                  {t('whatif.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
