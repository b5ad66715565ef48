import { Lang } from '../../i18n/i18n';
import { Cause, GraphEdge, GraphNode, KnowledgeGraph } from './types';

/** The kinds of node the knowledge graph holds (its Neo4j labels besides `Node`). */
export type NodeKind = 'Equipment' | 'Fault' | 'Sensor' | 'Parameter' | 'Process' | 'Defect' | 'Zone' | 'Furnace' | 'Other';

/**
 * Left to right, the way a cause travels: equipment fails as a fault, moves parameters (which the
 * sensors beside them read), disturbs processes, makes defects.
 */
const COLUMN: Partial<Record<NodeKind, number>> = { Equipment: 0, Fault: 1, Parameter: 2, Sensor: 3, Process: 4, Defect: 5 };
const OTHER_COLUMN = 6;
/** The whole graph's causal kinds; equipment and sensors are drawn only where a path or the incident names them. */
const CAUSAL: readonly NodeKind[] = ['Fault', 'Parameter', 'Process', 'Defect'];
const KINDS: readonly NodeKind[] = ['Equipment', 'Fault', 'Sensor', 'Parameter', 'Process', 'Defect', 'Zone', 'Furnace'];

export const COLUMN_GAP = 300;
export const ROW_GAP = 52;
/** Rows stand further apart when only the paths are drawn: there is room. */
export const PATHS_ROW_GAP = 84;

export function kindOf(node: GraphNode): NodeKind {
  const k = node.labels.find((l) => (KINDS as readonly string[]).includes(l));
  return (k as NodeKind | undefined) ?? 'Other';
}

/** A node's name in `lang`, else its English name, else its id (sensors are named by their tag). */
export function nodeName(node: GraphNode | undefined, id: string, lang: Lang): string {
  if (!node) return id;
  return (lang === 'ru' ? node.nameRu : node.name) ?? node.name ?? id;
}

/** An edge's key as the analysis names it (`INFLUENCES:lehr-fan-failure->lehr-cooling-rate`). */
export function edgeKey(e: Pick<GraphEdge, 'type' | 'from' | 'to'>): string {
  return `${e.type}:${e.from}->${e.to}`;
}

/** What one cause lights up: the nodes of its path and the edges along it. */
export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * The nodes and edges of `cause`'s explanation path, continued to `target` (the sensor an anomaly
 * is about) when the path does not end there: the edges it names, and any edge between consecutive
 * nodes in either direction (a sensor measures its parameter, so that hop runs against the path).
 */
export function highlightOf(cause: Cause | null, edges: GraphEdge[], target?: string | null): Highlight {
  if (!cause) return { nodes: new Set(), edges: new Set() };
  const path = target && !cause.path.includes(target) ? [...cause.path, target] : cause.path;
  const nodes = new Set(path);
  const named = new Set(cause.edges);
  const hops = new Set<string>();
  for (let i = 1; i < path.length; i++) {
    hops.add(`${path[i - 1]}|${path[i]}`);
    hops.add(`${path[i]}|${path[i - 1]}`);
  }
  const on = new Set<string>();
  for (const e of edges) {
    const key = edgeKey(e);
    if (named.has(key) || hops.has(`${e.from}|${e.to}`)) on.add(key);
  }
  return { nodes, edges: on };
}

/**
 * The part of the graph a cause diagram draws: the nodes in `keep` (the causes' paths), and with
 * `whole` every fault, parameter, process and defect besides.
 */
export function causalSubgraph(graph: KnowledgeGraph, keep: Set<string>, whole: boolean): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = graph.nodes.filter((n) => keep.has(n.id) || (whole && (CAUSAL as readonly string[]).includes(kindOf(n))));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to));
  return { nodes, edges };
}

/** Positions in columns by kind (left to right along the causal flow, empty kinds leaving no gap), each column centred vertically. */
export function layeredPositions(nodes: GraphNode[], lang: Lang, rowGap = ROW_GAP): Map<string, { x: number; y: number }> {
  const columns = new Map<number, GraphNode[]>();
  for (const n of nodes) {
    const c = COLUMN[kindOf(n)] ?? OTHER_COLUMN;
    columns.set(c, [...(columns.get(c) ?? []), n]);
  }
  const tallest = Math.max(0, ...[...columns.values()].map((c) => c.length));
  const out = new Map<string, { x: number; y: number }>();
  const used = [...columns.keys()].sort((a, b) => a - b);
  for (const [c, members] of columns) {
    members.sort((a, b) => nodeName(a, a.id, lang).localeCompare(nodeName(b, b.id, lang)));
    const offset = ((tallest - members.length) * rowGap) / 2;
    members.forEach((n, row) => out.set(n.id, { x: used.indexOf(c) * COLUMN_GAP, y: offset + row * rowGap }));
  }
  return out;
}

/** A Cytoscape element definition (kept structural so that this module does not load the library). */
export interface Element {
  group: 'nodes' | 'edges';
  data: Record<string, string | number>;
  position?: { x: number; y: number };
  classes?: string;
}

/** The diagram's elements: the subgraph with its names in `lang`, laid out in columns. */
export function elementsOf(graph: KnowledgeGraph, keep: Set<string>, whole: boolean, lang: Lang): Element[] {
  const { nodes, edges } = causalSubgraph(graph, keep, whole);
  const at = layeredPositions(nodes, lang, whole ? ROW_GAP : PATHS_ROW_GAP);
  const out: Element[] = nodes.map((n) => ({
    group: 'nodes',
    data: { id: n.id, label: nodeName(n, n.id, lang), kind: kindOf(n) },
    position: at.get(n.id),
    classes: kindOf(n).toLowerCase(),
  }));
  for (const e of edges) {
    out.push({
      group: 'edges',
      data: {
        id: edgeKey(e),
        source: e.from,
        target: e.to,
        type: e.type,
        strength: e.strength ?? 0.5,
        sign: e.sign ?? '+',
      },
      classes: e.type.toLowerCase(),
    });
  }
  return out;
}
