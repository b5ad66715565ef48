import { TagInfo } from '../../api/plant';
import { fmtNumber, fmtPercent } from '../../i18n/i18n';
import { levelOf, Stat } from '../../ui/common';
import { figureInfo, figureLabel, figureUnit, fmtDelta, fmtFigure } from './figures';
import { t, TwinKey } from './text';
import { TwinResponse } from './types';

const SHOWN = ['crownC', 'meltTopC', 'meltBottomC', 'throatC', 'gobC', 'energyPerTonneGj', 'gasFlowNm3h', 'lehrStressMPa', 'finingViscosityPaS', 'gobViscosityPaS'];

/** The sensor whose limits colour an estimated figure. */
const LIMIT_TAG: Record<string, string> = { crownC: 'crown.T1', meltBottomC: 'bottom.T1', throatC: 'throat.T', gobC: 'gob.T', gasFlowNm3h: 'gas.flow' };

const DISTURBANCES: Record<string, { label: TwinKey; show: (v: number) => string }> = {
  burnerEfficiency: { label: 'dist.burnerEfficiency', show: (v) => fmtPercent(v, 1) },
  culletOffsetPct: { label: 'dist.culletOffsetPct', show: (v) => `${v > 0 ? '+' : ''}${fmtNumber(v, 1)} %` },
  batchMoisture: { label: 'dist.batchMoisture', show: (v) => fmtNumber(v, 3) },
  refractoryWear: { label: 'dist.refractoryWear', show: (v) => fmtNumber(v, 3) },
};

/**
 * The twin's estimate of the furnace (coloured against the limits of the matching sensor), the
 * disturbances it infers, and its fit to the plant.
 */
export function TwinEstimate(props: { twin: TwinResponse; tags: TagInfo[]; stale: boolean }) {
  const { twin } = props;
  const limits = (key: string) => props.tags.find((tag) => tag.tag === `${twin.furnaceId}.${LIMIT_TAG[key]}`);
  const innovations = Object.entries(twin.innovations ?? {});
  return (
    <div class="twin-estimate">
      <div class="stats">
        {SHOWN.filter((k) => Number.isFinite(twin.estimate[k])).map((k) => {
          const tag = limits(k);
          return (
            <Stat
              key={k}
              label={figureLabel(k)}
              value={fmtFigure(k, twin.estimate[k])}
              unit={figureUnit(figureInfo(k).unit)}
              level={tag ? levelOf(twin.estimate[k], tag.alarmLow, tag.alarmHigh) : 'none'}
              stale={props.stale}
            />
          );
        })}
      </div>
      {twin.disturbances && (
        <>
          <h3>{t('estimate.disturbances')}</h3>
          <dl class="twin-dl">
            {Object.entries(twin.disturbances).map(([k, v]) => (
              <div key={k}>
                <dt>{DISTURBANCES[k] ? t(DISTURBANCES[k].label) : k}</dt>
                <dd>{DISTURBANCES[k] ? DISTURBANCES[k].show(v) : fmtNumber(v, 3)}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {innovations.length > 0 && (
        <>
          <h3 title={t('estimate.fitHint')}>{t('estimate.fit')}</h3>
          <dl class="twin-dl">
            {innovations.map(([k, v]) => (
              <div key={k}>
                <dt>{figureLabel(k)}</dt>
                <dd>
                  {fmtDelta(k, v)} <span class="muted small">{figureUnit(figureInfo(k).unit)}</span>
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </div>
  );
}
