import { deltaTone, figureInfo, figureLabel, figureUnit, fmtDelta, fmtFigure } from './figures';
import { t } from './text';
import { Figures } from './types';

const ORDER = [
  'energyPerTonneGj',
  'gasFlowNm3h',
  'totalDefectsPerThousand',
  'crownC',
  'meltTopC',
  'meltBottomC',
  'throatC',
  'gobC',
  'finingViscosityPaS',
  'throatViscosityPaS',
  'gobViscosityPaS',
  'lehrStressMPa',
];

function rank(key: string): number {
  const i = ORDER.indexOf(key);
  if (i >= 0) return i;
  return key.startsWith('rejects.') ? 100 : key.startsWith('defects.') ? 200 : 300;
}

/**
 * The figures at the end of the horizon: baseline, scenario and their difference, good news green;
 * the defects by physical class (which the rejects by inspection class sum up) fold away.
 */
export function KpiDeltaTable(props: { baseline: Figures; scenario: Figures; delta: Figures }) {
  const keys = Object.keys(props.delta).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const main = keys.filter((k) => !k.startsWith('defects.'));
  const physical = keys.filter((k) => k.startsWith('defects.'));
  return (
    <div class="table-scroll">
      <FigureTable caption={t('whatif.kpis')} keys={main} {...props} />
      {physical.length > 0 && (
        <details class="twin-physical">
          <summary class="small">{t('whatif.physical')}</summary>
          <FigureTable keys={physical} {...props} />
        </details>
      )}
    </div>
  );
}

function FigureTable(props: { caption?: string; keys: string[]; baseline: Figures; scenario: Figures; delta: Figures }) {
  return (
    <table class="twin-kpis">
      {props.caption && <caption class="small muted">{props.caption}</caption>}
      <thead>
        <tr>
          <th scope="col">{t('whatif.figure')}</th>
          <th scope="col" class="num">
            {t('whatif.baseline')}
          </th>
          <th scope="col" class="num">
            {t('whatif.scenario')}
          </th>
          <th scope="col" class="num">
            {t('whatif.delta')}
          </th>
          <th scope="col" />
        </tr>
      </thead>
      <tbody>
        {props.keys.map((k) => {
          const d = props.delta[k];
          const tone = deltaTone(k, d);
          return (
            <tr key={k}>
              <th scope="row">{figureLabel(k)}</th>
              <td class="num">{fmtFigure(k, props.baseline[k])}</td>
              <td class="num">{fmtFigure(k, props.scenario[k])}</td>
              <td class={`num delta${tone ? ` tone-${tone}` : ''}`}>{fmtDelta(k, d)}</td>
              <td class="muted small">{figureUnit(figureInfo(k).unit)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
