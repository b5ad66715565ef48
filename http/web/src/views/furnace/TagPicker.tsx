import { useEffect, useRef } from 'preact/hooks';
import type { TagInfo } from '../../api/plant';
import { messages, unit } from '../../i18n/i18n';
import { areaName } from './labels';
import { areaOf, shortTag } from './tags';

const t = messages(
  { tags: 'Tags', selected: '{n} shown', remove: 'Remove {tag} from the chart', none: 'No tag has history yet.' },
  { tags: 'Теги', selected: 'на графике: {n}', remove: 'Убрать {tag} с графика', none: 'Ни у одного тега пока нет истории.' },
);

function byArea(tags: TagInfo[]): [string, TagInfo[]][] {
  const groups = new Map<string, TagInfo[]>();
  for (const tag of tags) {
    const a = areaOf(tag.tag);
    groups.set(a, [...(groups.get(a) ?? []), tag]);
  }
  return [...groups.entries()];
}

/** Closes an open `<details>` on Escape or a click outside it, as a drop-down does. */
function useDropDown() {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    const close = (e: Event) => {
      const el = ref.current;
      if (!el?.open) return;
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !el.contains(e.target as Node)) el.open = false;
    };
    document.addEventListener('click', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('click', close);
      document.removeEventListener('keydown', close);
    };
  }, []);
  return ref;
}

/** Chooses the tags of a trend: check boxes grouped by furnace area, and the chosen ones as removable chips. */
export function TagPicker(props: { tags: TagInfo[]; selected: string[]; colors: Map<string, string>; onChange: (tags: string[]) => void }) {
  const dropDown = useDropDown();
  const chosen = new Set(props.selected);
  const toggle = (tag: string) => props.onChange(chosen.has(tag) ? props.selected.filter((s) => s !== tag) : [...props.selected, tag]);
  return (
    <div class="tag-picker">
      <details ref={dropDown}>
        <summary class="btn small">
          {t('tags')} · {t('selected', { n: props.selected.length })}
        </summary>
        <div class="tag-groups">
          {props.tags.length === 0 && <div class="muted small">{t('none')}</div>}
          {byArea(props.tags).map(([area, tags]) => (
            <fieldset key={area} class="tag-group">
              <legend>{areaName(area)}</legend>
              {tags.map((tag) => {
                const id = `pick-${tag.tag}`;
                return (
                  <div key={tag.tag} class="tag-option">
                    <input type="checkbox" id={id} checked={chosen.has(tag.tag)} onChange={() => toggle(tag.tag)} />
                    <label for={id}>
                      {shortTag(tag.tag)} <span class="muted">{unit(tag.unit)}</span>
                    </label>
                  </div>
                );
              })}
            </fieldset>
          ))}
        </div>
      </details>
      <ul class="tag-chips" aria-label={t('tags')}>
        {props.selected.map((tag) => (
          <li key={tag} class="tag-chip" style={{ borderColor: props.colors.get(tag) }}>
            <span class="swatch" style={{ background: props.colors.get(tag) }} aria-hidden="true" />
            {shortTag(tag)}
            <button type="button" class="chip-remove" aria-label={t('remove', { tag })} onClick={() => toggle(tag)}>
              ×
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
