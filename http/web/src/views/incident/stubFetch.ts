import { vi } from 'vitest';
import { signIn } from '../../api/session';

/** One request a view under test made. */
export interface Call {
  method: string;
  url: string;
  body: unknown;
}

/** An answer: JSON, or `text` (e.g. the tag map's CSV). */
type Answer = { status?: number; json?: unknown; text?: string };
type Reply = Answer | ((call: Call) => Answer);

/**
 * Replaces `fetch` with answers by `METHOD path` (the path with its query); an unknown request is
 * answered 404 as a problem document. Returns the calls made, in order.
 */
export function stubFetch(routes: Record<string, Reply>): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    const call: Call = { method: init?.method ?? 'GET', url, body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    const route = routes[`${call.method} ${url}`];
    const reply = typeof route === 'function' ? route(call) : route;
    const status = reply?.status ?? (reply ? 200 : 404);
    if (reply?.text !== undefined) return new Response(reply.text, { status, headers: { 'content-type': 'text/csv' } });
    const json = reply ? reply.json : { title: 'Not Found', status: 404, detail: `no stub for ${call.method} ${url}` };
    const type = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(JSON.stringify(json), { status, headers: { 'content-type': type } });
  });
  return calls;
}

/** Signs in with an unsigned token carrying `roles` (the server verifies; the page only reads it). */
export function signInAs(...roles: string[]): void {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  signIn(`${b64({ alg: 'HS256' })}.${b64({ sub: 'anna', roles, furnaces: [], exp: 4102444800 })}.sig`);
}
