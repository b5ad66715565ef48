/**
 * Test helpers of the furnace and overview views: a stubbed fetch answering by path, a signed-in
 * token with chosen roles, and fixtures shaped as the node answers.
 */
import { vi } from 'vitest';
import { signIn } from '../../api/session';
import type { FurnaceView, Prediction } from './types';

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

type Answer = unknown | ((url: string, init: RequestInit) => Response);

function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/** A problem document answered with its status. */
export function problem(status: number, code: string, detail: string): (url: string) => Response {
  return () => json({ type: `urn:vitrum:problem:${code}`, title: code, status, code, detail }, status);
}

/**
 * Stubs `fetch`: each request is answered by the first route whose key its path (with the query)
 * starts with, as JSON or through a function; 404 when none matches. Returns the calls made.
 */
export function stubFetch(routes: [string, Answer][]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = String(input);
      calls.push({ method: init.method ?? 'GET', url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      const route = routes.find(([prefix]) => url.startsWith(prefix));
      if (!route) return problem(404, 'not-found', 'no such resource')(url);
      const answer = route[1];
      if (typeof answer === 'function') return (answer as (u: string, i: RequestInit) => Response)(url, init);
      if (typeof answer === 'string') return new Response(answer, { status: 200, headers: { 'content-type': 'text/csv' } });
      return json(answer);
    }),
  );
  return calls;
}

/** Signs in with an unsigned token carrying `roles` (the views read roles; the stubbed API does not check). */
export function signInAs(...roles: string[]): void {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  signIn(`${b64({ alg: 'none' })}.${b64({ sub: 'anna', roles, furnaces: ['*'], exp: 0 })}.sig`);
}

export const TAG_MAP = [
  'tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address',
  'F1.crown.T1,F1,degC,0,1800,,1650,opcua,a',
  'F1.gas.flow,F1,Nm3/h,0,5000,,,opcua,a',
  'F1.pull.rate,F1,t/day,0,800,,,opcua,a',
  'F1.insp.inspected,F1,1/min,0,1000,,,opcua,a',
  'F1.insp.reject.crack,F1,1/min,0,1000,,,opcua,a',
  'F1.insp.reject.bubble,F1,1/min,0,1000,,,opcua,a',
  'F1.setpoint.crownTemperature,F1,degC,1450,1650,,,opcua,a',
  'F1.setpoint.pullRate,F1,t/day,100,400,,,opcua,a',
].join('\n');

export function furnaceView(over: Partial<FurnaceView> = {}): FurnaceView {
  return {
    furnaceId: 'F1',
    setpoints: { crownTemperature: 1560, pullRate: 300 },
    setpointChanges: {
      crownTemperature: {
        value: 1560,
        origin: 'operator',
        requestedBy: 'boris',
        reason: 'seeds on line 2',
        at: '2026-12-03T15:00:00Z',
        write: { status: 'written', attempts: 1, detail: null, at: '2026-12-03T15:00:01Z' },
      },
    },
    autonomyMode: 'advisory',
    alarms: [
      {
        alarmId: 'model:defect-risk',
        source: 'models',
        severity: 'critical',
        message: 'defect risk 21.0 (alert above 16.6)',
        raisedAt: '2026-12-03T15:54:00Z',
        active: true,
        acknowledgedBy: null,
        acknowledgedAt: null,
      },
      {
        alarmId: 'F1.crown.T1',
        source: 'F1.crown.T1',
        severity: 'warning',
        message: 'crown T1 high',
        raisedAt: '2026-12-03T15:50:00Z',
        active: false,
        acknowledgedBy: null,
        acknowledgedAt: null,
      },
    ],
    ...over,
  };
}

export function prediction(at: number, over: Partial<Prediction> = {}): Prediction {
  const q = (p50: number) => ({ p05: p50 * 0.5, p50, p95: p50 * 1.8 });
  return {
    furnace: 'F1',
    at,
    models: { forecaster: 'forecaster/1' },
    forecast: {
      '15m': { crack: q(4), bubble: q(9) },
      '30m': { crack: q(5), bubble: q(12) },
      '60m': { crack: q(6), bubble: q(20) },
    },
    risk: 21,
    riskThreshold: 16.6,
    ...over,
  };
}
