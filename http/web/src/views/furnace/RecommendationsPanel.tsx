import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, seg } from '../../api/client';
import type { TagInfo } from '../../api/plant';
import { hasRole } from '../../api/session';
import { fmtDateTime, fmtNumber, messages, unit } from '../../i18n/i18n';
import { EmptyState, Loading, Panel, ProblemView } from '../../ui/common';
import { useResource } from '../../ui/useResource';
import { paramName } from './labels';
import { setpointTag } from './tags';

const t = messages(
  {
    title: 'Recommendations',
    notDeployed: 'The optimizer has not been deployed',
    notDeployedDetail: 'Once the setpoint optimizer runs on this node, its proposals appear here to accept or reject.',
    none: 'No recommendations',
    noneDetail: 'The optimizer proposes nothing for this furnace right now.',
    accept: 'Accept',
    reject: 'Reject',
    acceptFor: 'Accept: {parameter} to {value}',
    rejectFor: 'Reject: {parameter} to {value}',
    effect: 'Expected effect',
    why: 'Why',
    operatorOnly: 'Accepting or rejecting needs the operator role.',
  },
  {
    title: 'Рекомендации',
    notDeployed: 'Оптимизатор ещё не развёрнут',
    notDeployedDetail: 'Когда оптимизатор уставок заработает на этом узле, его предложения появятся здесь — их можно принять или отклонить.',
    none: 'Рекомендаций нет',
    noneDetail: 'Сейчас оптимизатор ничего не предлагает для этой печи.',
    accept: 'Принять',
    reject: 'Отклонить',
    acceptFor: 'Принять: {parameter} → {value}',
    rejectFor: 'Отклонить: {parameter} → {value}',
    effect: 'Ожидаемый эффект',
    why: 'Почему',
    operatorOnly: 'Принимать и отклонять может только оператор.',
  },
);

/** A proposal of the setpoint optimizer (`GET /api/recommendations?furnace=`). */
export interface Recommendation {
  id: string;
  parameter: string;
  current: number | null;
  proposed: number;
  /** In words, or as expected changes per KPI. */
  expectedEffect?: string | Record<string, number>;
  reason?: string;
  createdAt?: string;
  status?: string;
}

/** How often the proposals are fetched again (not while the optimizer is missing). */
const REFRESH_MS = 30_000;

type Outcome = { ok: string } | { error: ApiError };

/** The answer as a list: the contract allows a bare array or `{recommendations: [...]}`. */
export function recommendationsOf(body: Recommendation[] | { recommendations?: Recommendation[] } | null): Recommendation[] {
  if (!body) return [];
  return Array.isArray(body) ? body : body.recommendations ?? [];
}

function Effect(props: { effect: Recommendation['expectedEffect'] }) {
  const e = props.effect;
  if (e === undefined) return null;
  if (typeof e === 'string') return <span>{e}</span>;
  return (
    <span>
      {Object.entries(e)
        .map(([k, v]) => `${k} ${v > 0 ? '+' : ''}${fmtNumber(v, 2)}`)
        .join(' · ')}
    </span>
  );
}

/** The optimizer's proposals for the furnace, each to accept or reject; an empty state until it is deployed. */
export function RecommendationsPanel(props: { furnace: string; tags: TagInfo[]; onDecided: () => void }) {
  const [deployed, setDeployed] = useState(true);
  const res = useResource<Recommendation[] | { recommendations?: Recommendation[] }>(
    `/api/recommendations?furnace=${encodeURIComponent(props.furnace)}`,
    deployed ? REFRESH_MS : undefined,
  );
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const canDecide = hasRole('operator');

  const decide = async (r: Recommendation, verdict: 'approve' | 'reject') => {
    setBusy(r.id);
    try {
      const answer = await api.post<{ status: string; detail: string }>(`/api/recommendations/${seg(r.id)}/${verdict}`);
      setOutcomes((o) => ({ ...o, [r.id]: { ok: answer?.detail ?? answer?.status ?? verdict } }));
      res.reload();
      props.onDecided();
    } catch (e) {
      setOutcomes((o) => ({ ...o, [r.id]: { error: e instanceof ApiError ? e : new ApiError({ title: String(e), status: 0 }) } }));
    } finally {
      setBusy(null);
    }
  };

  const missing = !!res.error && (res.error.status === 404 || res.error.status === 405);
  useEffect(() => setDeployed(!missing), [missing]);
  const list = recommendationsOf(res.data);
  const unitOf = (p: string) => unit(setpointTag(props.furnace, p, props.tags)?.unit);

  return (
    <Panel title={t('title')}>
      {missing && <EmptyState title={t('notDeployed')} detail={t('notDeployedDetail')} icon="⚙" />}
      {res.error && !missing && <ProblemView error={res.error} onRetry={res.reload} />}
      {!res.error && res.loading && !res.data && <Loading />}
      {!res.error && res.data && list.length === 0 && <EmptyState title={t('none')} detail={t('noneDetail')} icon="✓" />}
      {!res.error && list.length > 0 && (
        <ul class="rec-list">
          {list.map((r) => {
            const outcome = outcomes[r.id];
            const u = unitOf(r.parameter);
            const value = `${fmtNumber(r.proposed, 2)} ${u}`.trim();
            return (
              <li key={r.id} class="rec-item">
                <div class="rec-head">
                  <strong>{paramName(r.parameter)}</strong>
                  <span class="rec-change">
                    {fmtNumber(r.current, 2)} → <strong>{fmtNumber(r.proposed, 2)}</strong> <span class="muted">{u}</span>
                  </span>
                  {r.createdAt && <span class="muted small">{fmtDateTime(r.createdAt)}</span>}
                </div>
                {r.expectedEffect !== undefined && (
                  <div class="small">
                    <span class="muted">{t('effect')}: </span>
                    <Effect effect={r.expectedEffect} />
                  </div>
                )}
                {r.reason && (
                  <div class="small">
                    <span class="muted">{t('why')}: </span>
                    {r.reason}
                  </div>
                )}
                <div class="row rec-actions">
                  <button
                    type="button"
                    class="btn small primary"
                    data-testid="accept-recommendation"
                    disabled={!canDecide || busy === r.id}
                    aria-label={t('acceptFor', { parameter: paramName(r.parameter), value })}
                    onClick={() => decide(r, 'approve')}
                  >
                    {t('accept')}
                  </button>
                  <button
                    type="button"
                    class="btn small danger"
                    disabled={!canDecide || busy === r.id}
                    aria-label={t('rejectFor', { parameter: paramName(r.parameter), value })}
                    onClick={() => decide(r, 'reject')}
                  >
                    {t('reject')}
                  </button>
                </div>
                {outcome && 'ok' in outcome && <div class="ok-note small">{outcome.ok}</div>}
                {outcome && 'error' in outcome && <ProblemView error={outcome.error} />}
              </li>
            );
          })}
        </ul>
      )}
      {!canDecide && list.length > 0 && <div class="muted small">{t('operatorOnly')}</div>}
    </Panel>
  );
}
