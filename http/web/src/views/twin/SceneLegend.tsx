import { fmtNumber } from '../../i18n/i18n';
import { RAMP, rampGradient } from './colorRamp';
import { DEFECT_SITES } from './furnaceScene';
import { t, TwinKey } from './text';

/**
 * Beside the 3D scene: the temperature legend in °C, and the reject rate of each defect class with
 * the place it arises (the same figures the markers show, readable without the canvas).
 */
export function SceneLegend(props: { rates: Record<string, number | null>; showHint: boolean }) {
  const counted = DEFECT_SITES.some((s) => props.rates[s] !== null && props.rates[s] !== undefined);
  return (
    <div class="twin-legend">
      <div class="twin-ramp" role="img" aria-label={t('scene.legend')}>
        <div class="small muted">{t('scene.legend')}</div>
        <div class="twin-ramp-bar" style={{ background: rampGradient() }} />
        <div class="twin-ramp-ticks small">
          {RAMP.map((s) => (
            <span key={s.c}>{fmtNumber(s.c, 0)}</span>
          ))}
        </div>
        <div class="small muted">
          <span class="twin-swatch unknown" /> {t('scene.noGrey')}
        </div>
      </div>
      <div class="twin-defects">
        <div class="small muted">{t('scene.defects')}</div>
        {counted ? (
          <ul>
            {DEFECT_SITES.map((s) => (
              <li key={s}>
                <span class={`twin-swatch defect-${s}`} aria-hidden="true" /> {t(`site.${s}` as TwinKey)}
                <span class="twin-defect-rate">{t('scene.perThousand', { value: fmtNumber(props.rates[s], 1) })}</span>
              </li>
            ))}
          </ul>
        ) : (
          <div class="small muted">{t('scene.defectsNone')}</div>
        )}
      </div>
      {props.showHint && <div class="small muted twin-hint">{t('scene.hint')}</div>}
    </div>
  );
}
