import { EmptyState, Loading, ProblemView } from '../ui/common';
import { useResource } from '../ui/useResource';
import { t } from './models/labels';
import { ModelPanel } from './models/ModelPanel';
import './models/models.css';
import { Model, TrainingStatus } from './models/types';

/** How often the models and their live figures are asked for again. */
const REFRESH_MS = 15_000;

/** The models: per model its versions (active, served, shadow), card against live quality, drift, retrain reasons and activations. */
export function Models() {
  const models = useResource<Model[]>('/api/models', REFRESH_MS);
  const training = useResource<TrainingStatus>('/api/training/status', REFRESH_MS);
  let body;
  if (models.error && !models.data) body = <ProblemView error={models.error} onRetry={models.reload} />;
  else if (!models.data) body = <Loading />;
  else if (models.data.length === 0) body = <EmptyState title={t('none')} detail={t('noneDetail')} icon="◇" />;
  else
    body = (
      <div class="stack">
        {models.data.map((m) => (
          <ModelPanel key={m.name} model={m} training={training.data?.models.find((x) => x.name === m.name)} />
        ))}
      </div>
    );
  return (
    <div class="stack">
      <div class="view-head">
        <h1>{t('title')}</h1>
        <span class="muted">{t('subtitle')}</span>
      </div>
      {training.error && !training.data && <ProblemView error={training.error} onRetry={training.reload} />}
      {body}
    </div>
  );
}
