import { messages } from '../../i18n/i18n';
import { IncidentFilter } from './filters';
import { statusName } from './labels';

const t = messages(
  { furnace: 'Furnace', all: 'All', status: 'Status', allFurnaces: 'All furnaces' },
  { furnace: 'Печь', all: 'Все', status: 'Состояние', allFurnaces: 'Все печи' },
);

/** The furnace and open/closed filters of the incidents list. */
export function IncidentFilters(props: { furnaces: string[]; value: IncidentFilter; onChange: (f: IncidentFilter) => void }) {
  const { value, onChange } = props;
  return (
    <div class="row incident-filters">
      <label for="incident-furnace">{t('furnace')}</label>
      <select
        id="incident-furnace"
        value={value.furnace}
        onChange={(e) => onChange({ ...value, furnace: (e.currentTarget as HTMLSelectElement).value })}
      >
        <option value="">{t('allFurnaces')}</option>
        {props.furnaces.map((f) => (
          <option key={f} value={f}>
            {f}
          </option>
        ))}
      </select>
      <div class="segmented" role="group" aria-label={t('status')}>
        {(['', 'open', 'closed'] as const).map((s) => (
          <button
            key={s || 'all'}
            type="button"
            class={value.status === s ? 'btn small on' : 'btn small'}
            aria-pressed={value.status === s}
            onClick={() => onChange({ ...value, status: s })}
          >
            {s ? statusName(s) : t('all')}
          </button>
        ))}
      </div>
    </div>
  );
}
