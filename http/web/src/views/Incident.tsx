import { useEffect, useMemo, useState } from 'preact/hooks';
import { seg } from '../api/client';
import { messages, useLang } from '../i18n/i18n';
import { LiveEvent } from '../live/LiveSocket';
import { useLive, useNow } from '../live/live';
import { EmptyState, Loading, Panel, ProblemView } from '../ui/common';
import { useResource } from '../ui/useResource';
import { CauseDetail } from './incident/CauseDetail';
import { CauseGraph } from './incident/CauseGraph';
import { CauseList, ranked } from './incident/CauseList';
import { highlightOf, nodeName } from './incident/graphModel';
import { IncidentFacts } from './incident/IncidentFacts';
import { defectName, faultName } from './incident/labels';
import { SimilarIncidents } from './incident/SimilarIncidents';
import { GraphNode, IncidentDetail, KnowledgeGraph, RootCauses } from './incident/types';
import './incident/incident.css';

/** How often the incident and its causes are fetched again besides the live `incidents` events. */
export const INCIDENT_REFRESH_MS = 15_000;

/** Hops from the furnace the cause diagram asks the graph for: far enough to reach every defect. */
export const GRAPH_DEPTH = 6;

const t = messages(
  {
    title: 'Incident {id}',
    back: '← All incidents',
    facts: 'What happened',
    causes: 'Ranked causes',
    graph: 'Cause path on the knowledge graph',
    similar: 'Similar past incidents',
    noCauses: 'Not analysed yet',
    noCausesDetail: 'The root-cause analysis runs shortly after an incident opens and again as alarms attach to it.',
    noGraph: 'No graph to draw',
    noGraphDetail: 'The knowledge graph holds nothing around this furnace yet.',
  },
  {
    title: 'Инцидент {id}',
    back: '← Все инциденты',
    facts: 'Что произошло',
    causes: 'Причины по вероятности',
    graph: 'Путь причины на графе знаний',
    similar: 'Похожие прошлые инциденты',
    noCauses: 'Анализа ещё не было',
    noCausesDetail: 'Анализ причин запускается вскоре после открытия инцидента и повторяется, когда приходят новые сигналы.',
    noGraph: 'Граф пуст',
    noGraphDetail: 'В графе знаний пока нет узлов вокруг этой печи.',
  },
);

/**
 * One incident (`/incidents/{id}`): its facts, the ranked causes with their evidence, twin fit and
 * confirm / reject buttons, the selected cause's path drawn on the knowledge graph, and similar
 * past incidents. Live on the `incidents` topic and polled.
 */
export function Incident(props: { id: string }) {
  const lang = useLang();
  const now = useNow(30_000);
  const incident = useResource<IncidentDetail>(`/api/incidents/${seg(props.id)}`, INCIDENT_REFRESH_MS);
  const roots = useResource<RootCauses>(`/api/incidents/${seg(props.id)}/root-causes`, INCIDENT_REFRESH_MS);
  const furnace = incident.data?.furnace ?? null;
  const graph = useResource<KnowledgeGraph>(furnace ? `/api/knowledge-graph?furnace=${seg(furnace)}&depth=${GRAPH_DEPTH}` : null);
  const [selected, setSelected] = useState<string | null>(null);

  useLive('incidents', (e: LiveEvent) => {
    if (!furnace || e.furnace === furnace) {
      incident.reload();
      roots.reload();
    }
  });

  const causes = useMemo(() => ranked(roots.data?.causes ?? []), [roots.data]);
  useEffect(() => {
    if (causes.length > 0 && !causes.some((c) => c.cause === selected)) setSelected(causes[0].cause);
  }, [causes, selected]);

  const nodes = useMemo(() => new Map<string, GraphNode>((graph.data?.nodes ?? []).map((n) => [n.id, n])), [graph.data]);
  const nameOf = (id: string) => (nodes.has(id) ? nodeName(nodes.get(id), id, lang) : faultName(id));
  const current = causes.find((c) => c.cause === selected) ?? null;
  const highlight = useMemo(
    () => highlightOf(current, graph.data?.edges ?? [], incident.data?.tag),
    [current, graph.data, incident.data?.tag],
  );
  const keep = useMemo(() => {
    const ids = new Set<string>(causes.flatMap((c) => c.path));
    if (incident.data?.tag) ids.add(incident.data.tag);
    return ids;
  }, [causes, incident.data?.tag]);

  const afterFeedback = () => {
    incident.reload();
    graph.reload();
  };

  if (incident.error && !incident.data) {
    return (
      <div class="stack">
        <a href="/incidents">{t('back')}</a>
        <ProblemView error={incident.error} onRetry={incident.reload} />
      </div>
    );
  }
  if (!incident.data) return <Loading />;
  const i = incident.data;

  return (
    <div class="stack incident-view">
      <div class="view-head">
        <a href="/incidents">{t('back')}</a>
        <h1>
          {t('title', { id: i.id })}{' '}
          <span class="muted">
            · {i.furnace} · {defectName(i.defect)}
          </span>
        </h1>
      </div>
      <Panel title={t('facts')}>
        <IncidentFacts incident={i} now={now} />
      </Panel>
      <div class="grid-2 incident-main">
        <Panel title={t('causes')}>
          {roots.error && <ProblemView error={roots.error} onRetry={roots.reload} />}
          {!roots.data && !roots.error && <Loading />}
          {roots.data && causes.length === 0 && <EmptyState title={t('noCauses')} detail={t('noCausesDetail')} icon="…" />}
          {causes.length > 0 && (
            <>
              <CauseList causes={causes} selected={selected} onSelect={setSelected} names={nameOf} />
              {current && (
                <CauseDetail
                  incident={i.id}
                  cause={current}
                  name={nameOf(current.cause)}
                  pathNames={current.path.map(nameOf)}
                  feedback={i.feedback}
                  onFeedback={afterFeedback}
                />
              )}
            </>
          )}
        </Panel>
        <Panel title={t('graph')}>
          {graph.error && <ProblemView error={graph.error} onRetry={graph.reload} />}
          {!graph.data && !graph.error && <Loading />}
          {graph.data && graph.data.nodes.length === 0 && <EmptyState title={t('noGraph')} detail={t('noGraphDetail')} />}
          {graph.data && graph.data.nodes.length > 0 && (
            <CauseGraph
              graph={graph.data}
              keep={keep}
              highlight={highlight}
              lang={lang}
              onNodeTap={(id) => causes.some((c) => c.cause === id) && setSelected(id)}
            />
          )}
        </Panel>
      </div>
      <Panel title={t('similar')}>
        {roots.data ? <SimilarIncidents similar={roots.data.similar ?? []} /> : <Loading />}
      </Panel>
    </div>
  );
}
