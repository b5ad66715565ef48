import { useState } from 'preact/hooks';
import { t } from './labels';
import { AuditFilter, isoOfLocal, NO_FILTER } from './types';

const LIMITS = [50, 100, 200, 500];

/** The trail's filters, applied together on submit (so that typing a name does not query per key). */
export function AuditFilters(props: { furnaces: string[]; onApply: (f: AuditFilter) => void }) {
  const [furnace, setFurnace] = useState('');
  const [actor, setActor] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [limit, setLimit] = useState(NO_FILTER.limit);
  const value = (e: Event) => (e.target as HTMLInputElement).value;
  return (
    <form
      class="row audit-filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply({ furnace, actor, from: isoOfLocal(from), to: isoOfLocal(to), limit });
      }}
      onReset={() => {
        setFurnace('');
        setActor('');
        setFrom('');
        setTo('');
        setLimit(NO_FILTER.limit);
        props.onApply(NO_FILTER);
      }}
    >
      <div class="field">
        <label for="audit-furnace">{t('furnace')}</label>
        <select id="audit-furnace" value={furnace} onChange={(e) => setFurnace(value(e))}>
          <option value="">{t('all')}</option>
          {props.furnaces.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="audit-actor">{t('actor')}</label>
        <input id="audit-actor" type="search" placeholder={t('actorHint')} value={actor} onInput={(e) => setActor(value(e))} />
      </div>
      <div class="field">
        <label for="audit-from">{t('from')}</label>
        <input id="audit-from" type="datetime-local" value={from} onInput={(e) => setFrom(value(e))} />
      </div>
      <div class="field">
        <label for="audit-to">{t('to')}</label>
        <input id="audit-to" type="datetime-local" value={to} onInput={(e) => setTo(value(e))} />
      </div>
      <div class="field">
        <label for="audit-limit">{t('limit')}</label>
        <select id="audit-limit" value={String(limit)} onChange={(e) => setLimit(Number(value(e)))}>
          {LIMITS.map((n) => (
            <option key={n} value={String(n)}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div class="row audit-buttons">
        <button type="submit" class="btn primary">
          {t('apply')}
        </button>
        <button type="reset" class="btn">
          {t('reset')}
        </button>
      </div>
    </form>
  );
}
