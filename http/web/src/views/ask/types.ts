/** `POST /api/ask` (`AskRequest`, `AskAnswer` in the OpenAPI document). */

export interface AskRequest {
  q: string;
}

/** A part of the question that was not understood, with the words it is about. */
export interface AskProblem {
  /** text, furnace, defect, time or question */
  part: string;
  /** the words concerned, normalised; empty when about the whole text */
  fragment: string;
  /** what was not understood and what would be, in the question's language */
  message: string;
}

/** How the question was read. */
export interface AskQuery {
  intent: string;
  defect: string | null;
  furnace: string | null;
  from: string;
  to: string;
  timeGiven: boolean;
  /** words left over that were not understood */
  notUnderstood: string[];
}

export interface AskAnswer {
  understood: boolean;
  language: 'ru' | 'en';
  answer: string;
  /** API paths of the evidence: `/api/incidents/{id}` and `/api/incidents/{id}/root-causes` */
  links?: string[];
  problems?: AskProblem[];
  query?: AskQuery;
}

/** One question of this session with its answer (or the problem that prevented one). */
export interface Asked {
  q: string;
  at: number;
  answer: AskAnswer | null;
}
