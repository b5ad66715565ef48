import { ApiError } from '../../api/client';
import { EmptyState, Loading, ProblemView } from '../../ui/common';
import { Resource } from '../../ui/useResource';
import { FrameCard } from './FrameCard';
import { t } from './labels';
import { DecisionsResponse } from './types';

/** The latest frames as cards, newest first; a designed state while there are none or the node lacks the endpoint. */
export function FrameGrid(props: { res: Resource<DecisionsResponse>; rejectsOnly: boolean }) {
  const { data, error, reload } = props.res;
  if (error && !data) {
    return isMissing(error) ? (
      <EmptyState title={t('noEndpoint')} detail={t('noEndpointDetail')} icon="▦" />
    ) : (
      <ProblemView error={error} onRetry={reload} />
    );
  }
  if (!data) return <Loading />;
  if (data.decisions.length === 0) return <EmptyState title={t('noDecisions')} detail={t('noDecisionsDetail')} icon="▦" />;
  const shown = props.rejectsOnly ? data.decisions.filter((d) => d.reject) : data.decisions;
  if (shown.length === 0) return <EmptyState title={t('noMatch')} icon="✓" />;
  return (
    <ul class="frame-grid" aria-label={t('latest')}>
      {shown.map((d) => (
        <FrameCard key={d.id} d={d} />
      ))}
    </ul>
  );
}

/** Whether the node answered that it has no such route (an older build). */
export function isMissing(e: ApiError): boolean {
  return e.status === 404 && (e.problem.code === 'not-found' || e.problem.code === undefined);
}
