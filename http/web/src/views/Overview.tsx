import { usePlant } from '../api/plant';
import { messages } from '../i18n/i18n';
import { useNow } from '../live/live';
import { EmptyState, Loading, ProblemView } from '../ui/common';
import { FurnaceCard } from './overview/FurnaceCard';
import './furnace/common.css';
import './overview/overview.css';

const t = messages(
  {
    title: 'Plant overview',
    subtitle: 'Live from the furnaces; figures marked stale have not been updated for a while.',
    noFurnaces: 'No furnaces',
    noFurnacesDetail: 'The tag map names no furnace in your scope. An integrator loads it under Ingest.',
  },
  {
    title: 'Обзор завода',
    subtitle: 'Данные печей в реальном времени; пометка «устарело» — давно нет обновлений.',
    noFurnaces: 'Печей нет',
    noFurnacesDetail: 'В карте тегов нет печей, доступных вам. Интегратор загружает её в разделе «Приём данных».',
  },
);

/** The plant at a glance: a live card per furnace of the tag map. */
export function Overview() {
  const { plant, error } = usePlant();
  const now = useNow();
  return (
    <div class="overview">
      <div class="view-head">
        <h1>{t('title')}</h1>
        <span class="muted small">{t('subtitle')}</span>
      </div>
      {error && <ProblemView error={error} onRetry={() => location.reload()} />}
      {!plant && !error && <Loading />}
      {plant && plant.furnaces.length === 0 && <EmptyState title={t('noFurnaces')} detail={t('noFurnacesDetail')} icon="▦" />}
      {plant && plant.furnaces.length > 0 && (
        <div class="overview-grid">
          {plant.furnaces.map((f) => (
            <FurnaceCard key={f} furnace={f} tags={plant.tags.filter((tag) => tag.furnace === f)} now={now} />
          ))}
        </div>
      )}
    </div>
  );
}
