import { EmptyState, Panel } from '../../ui/common';
import { Activations } from './Activations';
import { DriftBars } from './DriftBars';
import { t } from './labels';
import { QualityTable } from './QualityTable';
import { Model, ModelTraining } from './types';
import { VersionsTable } from './VersionsTable';

/** One model: its versions and roles, the active card against live quality, drift, retrain reasons and activations. */
export function ModelPanel(props: { model: Model; training?: ModelTraining }) {
  const m = props.model;
  const tr = props.training;
  const active = m.versions.find((v) => v.version === m.active);
  const badges = (
    <>
      {m.active && <span class="badge ok">{t('active', { v: `v${m.active}` })}</span>}
      {m.served && <span class={`badge ${m.served === m.active ? '' : 'warn'}`}>{t('served', { v: `v${m.served}` })}</span>}
      <span class={`badge ${m.shadow ? 'warn' : ''}`}>{m.shadow ? t('shadow', { v: `v${m.shadow}` }) : t('noShadow')}</span>
      {active && <span class={`badge ${active.floorsMet ? 'ok' : 'alarm'}`}>{active.floorsMet ? t('floorsMet') : t('floorsMissed')}</span>}
      {tr && <span class={`badge ${tr.retrainDue ? 'warn' : 'ok'}`}>{tr.retrainDue ? t('retrainDue') : t('upToDate')}</span>}
    </>
  );
  return (
    <Panel title={m.name} actions={badges} wide id={`model-${m.name}`}>
      {m.served && m.active && m.served !== m.active && (
        <p class="small model-warn">{t('servedDiffers', { served: `v${m.served}`, active: `v${m.active}` })}</p>
      )}
      <div class="model-cols">
        <div>
          {active && (
            <>
              <h3>{t('quality', { v: active.version })}</h3>
              <QualityTable version={active.version} heldOut={active.heldOut} live={m.liveQuality} />
            </>
          )}
          {tr && tr.reasons.length > 0 && (
            <>
              <h3>{t('reasons')}</h3>
              <ul class="reasons">
                {tr.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          )}
        </div>
        <div>
          <h3>{t('drift')}</h3>
          <DriftBars drift={m.liveDrift} />
          {m.shadow && (
            <EmptyState title={t('shadowRuns', { v: m.shadow, active: m.active ?? '—' })} detail={t('shadowNoScores')} icon="◐" />
          )}
          <h3>{t('activations')}</h3>
          <Activations activations={m.activations} />
        </div>
      </div>
      <h3>{t('versions')}</h3>
      <VersionsTable model={m} training={tr} />
    </Panel>
  );
}
