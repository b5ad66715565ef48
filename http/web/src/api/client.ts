import { currentToken, signOut } from './session';

/** An RFC 9457 problem document, as every API error is answered. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
  correlationId?: string;
  [extra: string]: unknown;
}

/** A request the API refused or could not answer; `problem` says why. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }

  get status(): number {
    return this.problem.status;
  }
}

async function problemOf(response: Response): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const p = (await response.json()) as Problem;
      return { ...p, status: p.status ?? response.status, title: p.title ?? response.statusText };
    } catch {
      /* not a problem document after all */
    }
  }
  return { title: response.statusText || 'Request failed', status: response.status };
}

async function call<T>(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<T> {
  const headers: Record<string, string> = { Accept: accept };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch (e) {
    throw new ApiError({ title: 'The node cannot be reached', status: 0, detail: String(e) });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401) signOut();
    throw new ApiError(problem);
  }
  if (response.status === 204) return undefined as T;
  return (accept.includes('json') ? response.json() : response.text()) as Promise<T>;
}

/** The REST API under /api, with the signed-in token; errors are {@link ApiError}s. */
export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  text: (path: string, accept: string) => call<string>('GET', path, undefined, accept),
  post: <T>(path: string, body?: unknown) => call<T>('POST', path, body ?? {}),
  put: <T>(path: string, body: unknown) => call<T>('PUT', path, body),
  del: <T>(path: string) => call<T>('DELETE', path),
};

/** A path segment, encoded. */
export function seg(value: string): string {
  return encodeURIComponent(value);
}
