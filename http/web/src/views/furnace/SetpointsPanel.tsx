import type { TagInfo } from '../../api/plant';
import { fmtDateTime, fmtNumber, messages, unit } from '../../i18n/i18n';
import { EmptyState, Panel } from '../../ui/common';
import { originName, paramName, writeName } from './labels';
import { SetpointForm } from './SetpointForm';
import { setpointTag } from './tags';
import type { FurnaceView, SetpointChange } from './types';

const t = messages(
  {
    title: 'Setpoints',
    none: 'No setpoints',
    noneDetail: 'The furnace reports no setpoints yet.',
    parameter: 'Parameter',
    value: 'Value',
    changed: 'Last change',
    who: 'Who',
    why: 'Why',
    when: 'When',
    write: 'To the plant',
    never: 'not changed here',
    attempts: '{n} tries',
    writing: 'fetching…',
  },
  {
    title: 'Уставки',
    none: 'Уставок нет',
    noneDetail: 'Печь пока не сообщила ни одной уставки.',
    parameter: 'Параметр',
    value: 'Значение',
    changed: 'Последнее изменение',
    who: 'Кто',
    why: 'Почему',
    when: 'Когда',
    write: 'Запись в АСУ ТП',
    never: 'не менялась здесь',
    attempts: 'попыток: {n}',
    writing: 'уточняется…',
  },
);

function WriteCell(props: { change: SetpointChange }) {
  const w = props.change.write;
  if (!w) return <span class="muted small">{t('writing')}</span>;
  const cls = w.status === 'written' ? 'ok' : w.status === 'failed' ? 'alarm' : 'warn';
  return (
    <span title={w.detail ?? undefined}>
      <span class={`badge ${cls}`}>{writeName(w.status)}</span>
      {w.attempts > 1 && <span class="muted small"> {t('attempts', { n: w.attempts })}</span>}
      {w.status === 'failed' && w.detail && <div class="small">{w.detail}</div>}
    </span>
  );
}

/** The furnace's setpoints with the last change of each (who, origin, why, when, written or not) and the change form. */
export function SetpointsPanel(props: { furnace: string; view: FurnaceView; tags: TagInfo[]; onChanged: () => void }) {
  const params = Object.keys(props.view.setpoints);
  return (
    <Panel title={t('title')} wide>
      {params.length === 0 ? (
        <EmptyState title={t('none')} detail={t('noneDetail')} />
      ) : (
        <div class="setpoints-layout">
          <div class="table-scroll">
            <table class="setpoints-table">
              <thead>
                <tr>
                  <th scope="col">{t('parameter')}</th>
                  <th scope="col" class="num">
                    {t('value')}
                  </th>
                  <th scope="col">{t('who')}</th>
                  <th scope="col">{t('why')}</th>
                  <th scope="col">{t('when')}</th>
                  <th scope="col">{t('write')}</th>
                </tr>
              </thead>
              <tbody>
                {params.map((p) => {
                  const c = props.view.setpointChanges[p];
                  const tag = setpointTag(props.furnace, p, props.tags);
                  return (
                    <tr key={p} data-parameter={p}>
                      <th scope="row">
                        {paramName(p)}
                        <div class="muted small mono">{p}</div>
                      </th>
                      <td class="num">
                        {fmtNumber(props.view.setpoints[p], 2)} <span class="muted small">{unit(tag?.unit)}</span>
                      </td>
                      {c ? (
                        <>
                          <td>
                            {c.requestedBy}
                            <div class="muted small">{originName(c.origin)}</div>
                          </td>
                          <td class="small">{c.reason ?? '…'}</td>
                          <td class="small">{fmtDateTime(c.at)}</td>
                          <td>
                            <WriteCell change={c} />
                          </td>
                        </>
                      ) : (
                        <td colSpan={4} class="muted small">
                          {t('never')}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <SetpointForm furnace={props.furnace} view={props.view} tags={props.tags} onChanged={props.onChanged} />
        </div>
      )}
    </Panel>
  );
}
