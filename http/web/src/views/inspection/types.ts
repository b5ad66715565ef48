/** One decision of `GET /api/inspection/decisions` (InspectionDecisionsResponse in the OpenAPI document). */
export interface Decision {
  id: string;
  furnace: string;
  line: string;
  item: number;
  capturedAt: string;
  decidedAt: string;
  /** The most probable class (`none`, `crack`, …) or `unreadable`. */
  label: string;
  probability?: number;
  defectProbability?: number;
  reject: boolean;
  model: string;
  reason?: string;
  /** The path of the frame's PNG, when the node kept it. */
  image?: string;
}

export interface DecisionsResponse {
  count: number;
  decisions: Decision[];
}

/** The label of a good item and of a frame the model could not read. */
export const GOOD = 'none';
export const UNREADABLE = 'unreadable';

/** The decisions request for `furnace` (null: every furnace the caller sees). */
export function decisionsPath(furnace: string | null, limit = 60): string {
  const q = new URLSearchParams({ limit: String(limit) });
  if (furnace) q.set('furnace', furnace);
  return `/api/inspection/decisions?${q.toString()}`;
}
