import { useMemo } from 'preact/hooks';
import { usePlant } from '../api/plant';
import { messages } from '../i18n/i18n';
import { useNow } from '../live/live';
import { Loading, ProblemView } from '../ui/common';
import { AlarmPanel } from './furnace/AlarmPanel';
import { ForecastPanel } from './furnace/ForecastPanel';
import { activeAlarms } from './furnace/furnaceState';
import './furnace/common.css';
import './furnace/furnace.css';
import { modeName } from './furnace/labels';
import { RecommendationsPanel } from './furnace/RecommendationsPanel';
import { SetpointsPanel } from './furnace/SetpointsPanel';
import { TrendPanel } from './furnace/TrendPanel';
import { useFurnace } from './furnace/useFurnace';
import { usePrediction } from './furnace/usePrediction';

const t = messages(
  {
    title: 'Furnace {id}',
    sections: 'Furnace views',
    live: 'Live',
    explanations: 'Explanations',
    twin: 'Digital twin',
    mode: 'Autonomy mode',
    alarms: '{n} active alarms',
  },
  {
    title: 'Печь {id}',
    sections: 'Разделы печи',
    live: 'Оперативно',
    explanations: 'Объяснения',
    twin: 'Цифровой двойник',
    mode: 'Режим автономности',
    alarms: 'активных тревог: {n}',
  },
);

/** One furnace live: trends, defect forecasts, alarms, the optimizer's proposals and the setpoints with who and why. */
export function Furnace(props: { furnace: string }) {
  const id = props.furnace;
  const { plant } = usePlant();
  const furnace = useFurnace(id);
  const latest = usePrediction(id);
  const now = useNow();
  const tags = useMemo(() => plant?.tags.filter((tag) => tag.furnace === id) ?? [], [plant, id]);
  const view = furnace.view;
  const active = view ? activeAlarms(view.alarms) : [];
  const base = `/furnaces/${encodeURIComponent(id)}`;

  return (
    <div class="furnace-view">
      <div class="view-head">
        <h1>{t('title', { id })}</h1>
        {view && (
          <span class={`badge mode-${view.autonomyMode}`} title={t('mode')}>
            {modeName(view.autonomyMode)}
          </span>
        )}
        {active.length > 0 && <span class="badge alarm">{t('alarms', { n: active.length })}</span>}
      </div>
      <nav class="tabs" aria-label={t('sections')}>
        <a href={base} class="active" aria-current="page">
          {t('live')}
        </a>
        <a href={`${base}/explanations`}>{t('explanations')}</a>
        <a href={`/twin/${encodeURIComponent(id)}`}>{t('twin')}</a>
      </nav>
      {furnace.error && !view && <ProblemView error={furnace.error} onRetry={furnace.reload} />}
      {!view && !furnace.error && <Loading />}
      {view && (
        <div class="furnace-grid">
          {plant && <TrendPanel key={id} furnace={id} plantTags={tags} />}
          <ForecastPanel furnace={id} latest={latest} now={now} />
          <AlarmPanel furnace={id} alarms={view.alarms} onChanged={furnace.reload} />
          <RecommendationsPanel furnace={id} tags={tags} onDecided={furnace.reload} />
          <SetpointsPanel furnace={id} view={view} tags={tags} onChanged={furnace.reload} />
        </div>
      )}
    </div>
  );
}
