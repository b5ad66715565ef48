/** The incident resources of the API (`IncidentList`, `Incident`, `RootCauses`, `KnowledgeGraph`). */

export type IncidentStatus = 'open' | 'closed';

/** One row of `GET /api/incidents`. */
export interface IncidentSummary {
  id: string;
  furnace: string;
  /** crack, bubble, stone, chip or anomaly */
  defect: string;
  tag: string | null;
  status: IncidentStatus;
  openedAt: string;
  closedAt: string | null;
  topCause: string | null;
}

export interface IncidentList {
  incidents: IncidentSummary[];
}

/** An operator's answer on one cause, as the incident keeps it. */
export interface Feedback {
  cause: string;
  confirmed: boolean;
  edges?: string[];
  by: string;
  comment?: string | null;
  at: string;
}

/** `GET /api/incidents/{id}`. */
export interface IncidentDetail extends IncidentSummary {
  trigger: string;
  triggers: string[];
  analysedAt: string | null;
  analyses: number;
  feedback: Feedback[];
  closedBy: string | null;
  closeReason: string | null;
}

/** One ranked hypothesis of the latest analysis. */
export interface Cause {
  /** the fault id, e.g. lehr-fan-failure */
  cause: string;
  /** share of belief, 0..1 */
  score: number;
  /** node ids from the cause to what the incident is about */
  path: string[];
  /** edge keys `RELATION:from->to` */
  edges: string[];
  evidence: string[];
  explanation: string;
  /** share of the observed change the twin reproduces with this cause; null: not checked */
  physics: number | null;
  /** for an instrument fault, the suspected sensor */
  tag: string | null;
}

/** A past incident whose top cause was the same fault. */
export interface SimilarIncident {
  id: string;
  furnace: string;
  openedAt: string;
  status: IncidentStatus;
  confirmed: boolean;
}

/** `GET /api/incidents/{id}/root-causes`. */
export interface RootCauses {
  incident: string;
  analysedAt: string | null;
  causes: Cause[];
  similar: SimilarIncident[];
}

/** `POST /api/incidents/{id}/feedback`. */
export interface FeedbackRequest {
  cause: string;
  confirmed: boolean;
  comment?: string;
}

export interface CommandResponse {
  status: 'accepted';
  detail: string;
}

/** A node of the knowledge graph: its id, its labels (`Node` and its kind) and names. */
export interface GraphNode {
  id: string;
  labels: string[];
  name: string | null;
  nameRu: string | null;
}

/** A relationship of the knowledge graph with its learnt strength. */
export interface GraphEdge {
  from: string;
  to: string;
  type: string;
  /** `+`/`-` in the ontology; a sensor's MEASURES edge carries 1 or -1 */
  sign: string | number | null;
  strength: number | null;
  lagMinutes: number | null;
}

/** `GET /api/knowledge-graph?furnace=&depth=`. */
export interface KnowledgeGraph {
  furnace: string;
  depth: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}
