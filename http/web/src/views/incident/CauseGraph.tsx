import type { Core, StylesheetJson } from 'cytoscape';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { Lang, messages } from '../../i18n/i18n';
import { EmptyState } from '../../ui/common';
import { elementsOf, Highlight } from './graphModel';
import { KnowledgeGraph } from './types';

const t = messages(
  {
    label: 'Knowledge graph with the selected cause’s path highlighted',
    failed: 'The graph cannot be drawn',
    legend: 'Node kinds',
    Equipment: 'Equipment',
    Fault: 'Fault',
    Sensor: 'Sensor',
    Parameter: 'Parameter',
    Process: 'Process',
    Defect: 'Defect',
    scope: 'What to draw',
    paths: 'Causes’ paths',
    whole: 'Whole graph',
  },
  {
    label: 'Граф знаний, путь выбранной причины подсвечен',
    failed: 'Граф не удаётся нарисовать',
    legend: 'Типы узлов',
    Equipment: 'Оборудование',
    Fault: 'Неисправность',
    Sensor: 'Датчик',
    Parameter: 'Параметр',
    Process: 'Процесс',
    Defect: 'Дефект',
    scope: 'Что показать',
    paths: 'Пути причин',
    whole: 'Весь граф',
  },
);

/** A small graph is not blown up past this when fitted (labels would dwarf the panel). */
const FIT_MAX_ZOOM = 1.1;

const LEGEND = ['Equipment', 'Fault', 'Sensor', 'Parameter', 'Process', 'Defect'] as const;

/** Node colours and shapes by kind; the path is drawn bright, everything else dimmed. */
const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      color: '#e6eef3',
      'font-size': 22,
      'text-valign': 'bottom',
      'text-margin-y': 6,
      'text-wrap': 'wrap',
      'text-max-width': '270px',
      width: 30,
      height: 30,
      'background-color': '#8fa3b1',
      'border-width': 0,
      'transition-property': 'opacity, border-width',
      'transition-duration': 150,
    },
  },
  { selector: 'node.equipment', style: { shape: 'round-rectangle', 'background-color': '#7a8793' } },
  { selector: 'node.fault', style: { shape: 'diamond', 'background-color': '#ff5d5d', width: 38, height: 38 } },
  { selector: 'node.sensor', style: { shape: 'rectangle', 'background-color': '#2ec4b6', width: 22, height: 22 } },
  { selector: 'node.parameter', style: { shape: 'ellipse', 'background-color': '#4cb3ff' } },
  { selector: 'node.process', style: { shape: 'round-hexagon', 'background-color': '#b38cff' } },
  { selector: 'node.defect', style: { shape: 'triangle', 'background-color': '#f2b134', width: 36, height: 36 } },
  {
    selector: 'edge',
    style: {
      width: 'mapData(strength, 0, 1, 1.5, 6)',
      'line-color': '#3d5566',
      'target-arrow-color': '#3d5566',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      'curve-style': 'bezier',
      opacity: 0.7,
    },
  },
  { selector: 'edge.misreads', style: { 'line-style': 'dashed' } },
  { selector: '.dim', style: { opacity: 0.18 } },
  { selector: 'node.on', style: { 'border-width': 5, 'border-color': '#ffffff', 'font-weight': 'bold', 'z-index': 10 } },
  {
    selector: 'edge.on',
    style: { 'line-color': '#ffffff', 'target-arrow-color': '#ffffff', opacity: 1, width: 7, 'z-index': 10 },
  },
];

function apply(cy: Core, hl: Highlight): void {
  cy.batch(() => {
    cy.elements().removeClass('on dim');
    if (hl.nodes.size === 0) return;
    cy.nodes().forEach((n) => {
      n.addClass(hl.nodes.has(n.id()) ? 'on' : 'dim');
    });
    cy.edges().forEach((e) => {
      e.addClass(hl.edges.has(e.id()) ? 'on' : 'dim');
    });
  });
}

/**
 * The causes' paths on the knowledge graph (or the whole causal graph) drawn with Cytoscape, loaded
 * on first use; the highlighted path bright, a tap on a cause's fault node selects that cause.
 */
export function CauseGraph(props: {
  graph: KnowledgeGraph;
  keep: Set<string>;
  highlight: Highlight;
  lang: Lang;
  onNodeTap?: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cy = useRef<Core | null>(null);
  const tap = useRef(props.onNodeTap);
  tap.current = props.onNodeTap;
  const highlight = useRef(props.highlight);
  highlight.current = props.highlight;
  const [failed, setFailed] = useState<string | null>(null);
  const [whole, setWhole] = useState(false);
  const keepKey = [...props.keep].sort().join(',');
  const elements = useMemo(() => elementsOf(props.graph, props.keep, whole, props.lang), [props.graph, keepKey, whole, props.lang]);

  useEffect(() => {
    let gone = false;
    import('cytoscape')
      .then(({ default: cytoscape }) => {
        if (gone || !box.current) return;
        const c = cytoscape({
          container: box.current,
          elements,
          style: STYLE,
          layout: { name: 'preset', fit: true, padding: 30 },
          minZoom: 0.2,
          maxZoom: 3,
          boxSelectionEnabled: false,
          autoungrabify: true,
        });
        if (c.zoom() > FIT_MAX_ZOOM) {
          c.zoom(FIT_MAX_ZOOM);
          c.center();
        }
        c.on('tap', 'node', (e) => tap.current?.(e.target.id()));
        cy.current = c;
        apply(c, highlight.current);
      })
      .catch((e: unknown) => setFailed(String(e)));
    return () => {
      gone = true;
      cy.current?.destroy();
      cy.current = null;
    };
  }, [elements]);

  useEffect(() => {
    if (cy.current) apply(cy.current, props.highlight);
  }, [props.highlight]);

  const kinds = new Set(elements.map((e) => e.data.kind));
  if (failed) return <EmptyState title={t('failed')} detail={failed} icon="⚠" />;
  return (
    <figure class="cause-graph">
      <div class="segmented graph-scope" role="group" aria-label={t('scope')}>
        {([false, true] as const).map((w) => (
          <button key={String(w)} type="button" class={whole === w ? 'btn small on' : 'btn small'} aria-pressed={whole === w} onClick={() => setWhole(w)}>
            {t(w ? 'whole' : 'paths')}
          </button>
        ))}
      </div>
      <div ref={box} class="canvas-box graph-box" data-testid="cause-graph" role="img" aria-label={t('label')} />
      <figcaption class="graph-legend" aria-label={t('legend')}>
        {LEGEND.filter((k) => kinds.has(k)).map((k) => (
          <span key={k} class="legend-item">
            <span class={`legend-mark kind-${k.toLowerCase()}`} aria-hidden="true" />
            {t(k)}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
