/**
 * Test helpers of the Twin view: a stubbed fetch answering by method and path and recording the
 * calls, a signed-in token with chosen roles, jsdom stand-ins for what uPlot needs, and fixtures
 * shaped as the node answers.
 */
import { vi } from 'vitest';
import { signIn } from '../../api/session';
import type { ShadowResponse, TwinResponse, WhatIfResponse } from './types';

export interface Call {
  method: string;
  url: string;
  body: unknown;
}

type Answer = unknown | ((call: Call) => Response);

/** A JSON answer (problem+json when it is an error). */
export function json(body: unknown, status = 200): Response {
  const type = status >= 400 ? 'application/problem+json' : 'application/json';
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
}

/**
 * Stubs `fetch`: a request is answered by the first route whose `METHOD path` prefix it matches
 * (e.g. `POST /api/twin/F1/what-if`), 404 when none does. Returns the calls made.
 */
export function stubFetch(routes: [string, Answer][]): Call[] {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const call = { method: init.method ?? 'GET', url: String(input), body: init.body ? JSON.parse(String(init.body)) : undefined };
      calls.push(call);
      const route = routes.find(([key]) => `${call.method} ${call.url}`.startsWith(key));
      if (!route) return json({ title: 'Not found', status: 404, code: 'not-found' }, 404);
      const answer = route[1];
      if (typeof answer === 'function') return (answer as (c: Call) => Response)(call);
      if (typeof answer === 'string') return new Response(answer, { status: 200, headers: { 'content-type': 'text/csv' } });
      return json(answer);
    }),
  );
  return calls;
}

/** Signs in with an unsigned token carrying `roles` (the views read roles; the stub does not check). */
export function signInAs(...roles: string[]): void {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '');
  signIn(`${b64({ alg: 'none' })}.${b64({ sub: 'anna', roles, furnaces: ['*'], exp: 0 })}.sig`);
}

/**
 * What uPlot needs and jsdom lacks once it draws: ResizeObserver, Path2D and a 2D context that draws nothing
 * (no WebGL context, so the 3D view shows its empty state). matchMedia is needed at import: the test
 * file sets it in `vi.hoisted`.
 */
export function stubCharting(): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      observe() {}
      disconnect() {}
    },
  );
  vi.stubGlobal(
    'Path2D',
    class {
      constructor() {
        return new Proxy(this, { get: () => () => undefined });
      }
    },
  );
  const ctx = new Proxy({}, { get: (_t, p) => (p === 'measureText' ? () => ({ width: 10 }) : () => undefined), set: () => true });
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(((kind: string) => (kind === '2d' ? ctx : null)) as never);
}

export const TAG_MAP = [
  'tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address',
  'F1.crown.T1,F1,degC,0,1800,1450,1620,opcua,a',
  'F1.gob.T,F1,degC,0,1400,1050,1180,opcua,a',
].join('\n');

export const TWIN: TwinResponse = {
  furnaceId: 'F1',
  syncs: 183,
  lastSyncAt: new Date().toISOString(),
  setpoints: { crownTemperature: 1560, excessO2: 2, electricBoost: 1, pullRate: 300, culletFraction: 50, gobTemperature: 1100, lehrCoolingRate: 7 },
  estimate: { crownC: 1554, meltTopC: 1428.3, meltBottomC: 1325.1, throatC: 1277.5, gobC: 1100.6, energyPerTonneGj: 5.2, lehrStressMPa: 0.25 },
  disturbances: { burnerEfficiency: 0.988, culletOffsetPct: -3.6, batchMoisture: 0, refractoryWear: 0 },
  innovations: { crownC: 1.2, throatC: -4 },
  shadowActive: false,
  scenarios: [
    { scenarioId: 'sc-old', at: '2026-12-03T15:00:00Z', changes: [{ parameter: 'pullRate', mode: 'absolute', value: 320 }], horizonMinutes: 120, delta: { energyPerTonneGj: -0.05, totalDefectsPerThousand: 0.4 } },
  ],
};

function course(crown: number, energy: number, gob: number) {
  return [0, 30, 60].map((minute, i) => ({ minute, kpis: { crownC: crown + i, energyPerTonneGj: energy + i * 0.01, gobC: gob, totalDefectsPerThousand: 3 } }));
}

export const WHAT_IF: WhatIfResponse = {
  scenarioId: 'sc-new',
  horizonMinutes: 60,
  changes: [{ parameter: 'crownTemperature', mode: 'absolute', value: 1570 }],
  baseline: { crownC: 1554, energyPerTonneGj: 5.2, gobC: 1100, totalDefectsPerThousand: 3.1 },
  scenario: { crownC: 1566, energyPerTonneGj: 5.31, gobC: 1104, totalDefectsPerThousand: 2.6 },
  delta: { crownC: 12, energyPerTonneGj: 0.11, gobC: 4, totalDefectsPerThousand: -0.5 },
  trajectories: { baseline: course(1554, 5.2, 1100), scenario: course(1560, 5.25, 1104) },
};

export const SHADOW_IDLE: ShadowResponse = { active: false, candidate: [], minutes: 0, samples: 0, rmsDivergence: {}, meanDifference: {} };

export const SHADOW_RUNNING: ShadowResponse = {
  active: true,
  candidate: [{ parameter: 'crownTemperature', mode: 'absolute', value: 1570 }],
  minutes: 12,
  samples: 72,
  rmsDivergence: { crownC: 8.4, energyPerTonneGj: 0.06 },
  meanDifference: { crownC: 7.9, energyPerTonneGj: 0.05 },
};
