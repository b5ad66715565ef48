import { fmtDateTime, messages } from '../../i18n/i18n';
import { EmptyState } from '../../ui/common';
import { statusBadge, statusName } from './labels';
import { SimilarIncident } from './types';

const t = messages(
  {
    none: 'No similar past incident',
    noneDetail: 'No earlier incident had the same top cause.',
    confirmed: 'cause confirmed',
  },
  {
    none: 'Похожих инцидентов нет',
    noneDetail: 'Ни у одного прошлого инцидента не было той же главной причины.',
    confirmed: 'причина подтверждена',
  },
);

/** Past incidents whose top cause was the same fault, confirmed ones first, each linked. */
export function SimilarIncidents(props: { similar: SimilarIncident[] }) {
  if (props.similar.length === 0) return <EmptyState title={t('none')} detail={t('noneDetail')} />;
  return (
    <ul class="similar">
      {props.similar.map((s) => (
        <li key={s.id}>
          <a href={`/incidents/${encodeURIComponent(s.id)}`} class="mono">
            {s.id}
          </a>{' '}
          <span class="muted small">
            {s.furnace} · {fmtDateTime(s.openedAt)}
          </span>{' '}
          <span class={statusBadge(s.status)}>{statusName(s.status)}</span>
          {s.confirmed && <span class="badge ok">✓ {t('confirmed')}</span>}
        </li>
      ))}
    </ul>
  );
}
