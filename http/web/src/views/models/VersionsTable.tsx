import { fmtDateTime, fmtNumber } from '../../i18n/i18n';
import { t } from './labels';
import { shortHash } from './metrics';
import { Model, ModelTraining } from './types';

/** Every registered version: what it is (hash, tensors), what its card says, how it was trained. */
export function VersionsTable(props: { model: Model; training?: ModelTraining }) {
  const m = props.model;
  const trainingOf = (v: string) => props.training?.versions.find((x) => x.version === v);
  const versions = [...m.versions].sort((a, b) => Number(b.version) - Number(a.version) || b.version.localeCompare(a.version));
  return (
    <div class="table-scroll">
      <table aria-label={`${m.name} · ${t('versions')}`}>
        <thead>
          <tr>
            <th>{t('version')}</th>
            <th>{t('sha')}</th>
            <th>{t('inputs')}</th>
            <th>{t('outputs')}</th>
            <th>{t('card')}</th>
            <th>{t('trained')}</th>
            <th>{t('registered')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => {
            const tr = trainingOf(v.version);
            const markers = [
              v.version === m.active ? 'active' : null,
              v.version === m.shadow ? 'shadow' : null,
              v.version === m.served ? 'served' : null,
            ].filter((x): x is 'active' | 'shadow' | 'served' => x !== null);
            return (
              <tr key={v.version} data-testid={`version-${m.name}-${v.version}`}>
                <td>
                  <strong>v{v.version}</strong>{' '}
                  {markers.map((k) => (
                    <span key={k} class={`badge marker-${k}`}>
                      {t(`marker_${k}`)}
                    </span>
                  ))}
                </td>
                <td class="mono" title={v.sha256}>
                  {shortHash(v.sha256)}
                </td>
                <td class="mono small">{v.inputs.join(', ')}</td>
                <td class="mono small">{v.outputs.join(', ')}</td>
                <td>
                  <span class={`badge ${v.floorsMet ? 'ok' : 'alarm'}`}>{v.floorsMet ? t('floorsMet') : t('floorsMissed')}</span>
                </td>
                <td class="small">
                  {tr
                    ? t('trainedOn', {
                        seed: tr.seed ?? '—',
                        s: fmtNumber(tr.wallSeconds, 0),
                        hash: shortHash(tr.dataHash),
                      })
                    : '—'}
                </td>
                <td class="small">{fmtDateTime(v.registeredAt)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
