import { fmtNumber, unit } from '../../i18n/i18n';
import { SetpointSpec } from './setpoints';
import { t } from './text';

/**
 * One setpoint of the what-if form: a slider over its safe range and a numeric field for an exact
 * target (which may be typed outside the range: the twin then says why it refuses), with the value
 * in force and the change from it.
 */
export function SetpointSlider(props: { spec: SetpointSpec; current: number | undefined; target: number; onChange: (value: number) => void }) {
  const { spec } = props;
  const id = `whatif-${spec.key}`;
  const delta = props.current === undefined ? 0 : props.target - props.current;
  const changed = Math.abs(delta) > 1e-9;
  const outside = props.target < spec.min || props.target > spec.max;
  const set = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() !== '' && Number.isFinite(v)) props.onChange(v);
  };
  return (
    <div class={`setpoint${changed ? ' changed' : ''}${outside ? ' outside' : ''}`}>
      <div class="setpoint-head">
        <label for={id}>{t(spec.label)}</label>
        {changed && (
          <span class={`badge ${outside ? 'alarm' : 'warn'}`}>
            {delta > 0 ? '+' : '−'}
            {fmtNumber(Math.abs(delta), spec.digits)} {unit(spec.unit)}
          </span>
        )}
      </div>
      <div class="setpoint-inputs">
        <input
          id={id}
          type="range"
          min={spec.min}
          max={spec.max}
          step={spec.step}
          value={Math.min(spec.max, Math.max(spec.min, props.target))}
          aria-valuetext={`${fmtNumber(props.target, spec.digits)} ${unit(spec.unit)}`}
          onInput={(e) => set((e.target as HTMLInputElement).value)}
        />
        <input
          type="number"
          class="setpoint-number"
          step={spec.step}
          value={Number(props.target.toFixed(spec.digits))}
          aria-label={`${t(spec.label)}, ${unit(spec.unit)}`}
          onChange={(e) => set((e.target as HTMLInputElement).value)}
        />
        <span class="setpoint-unit">{unit(spec.unit)}</span>
      </div>
      <div class="small muted">
        {props.current !== undefined && t('whatif.now', { value: `${fmtNumber(props.current, spec.digits)} ${unit(spec.unit)}` })}
        {' · '}
        {t('whatif.bounds', { min: fmtNumber(spec.min, spec.digits), max: fmtNumber(spec.max, spec.digits) })}
      </div>
    </div>
  );
}
