import { Explanation } from './types';

const AT = Date.parse('2026-03-03T14:00:00Z');

/** The forecaster attends mostly to the newest minutes, and to one 40 minutes ago. */
const attention = Array.from({ length: 60 }, (_, i) => (i === 20 ? 0.06 : i >= 55 ? 0.08 : 0.01));

/** `GET /api/explainability/prediction?furnace=F2` with every model served. */
export const EXPLANATION: Explanation = {
  prediction: {
    furnace: 'F2',
    at: AT,
    models: { forecaster: 'v3', gnn: 'v2', ensemble: 'v1' },
    forecast: {
      '15m': { crack: { p05: 0.1, p50: 0.4, p95: 0.9 }, bubble: { p05: 1.2, p50: 2.5, p95: 4.1 } },
      '60m': { crack: { p05: 0.2, p50: 0.6, p95: 1.4 }, bubble: { p05: 1.8, p50: 3.9, p95: 6.0 } },
    },
    attention,
    risk: 4.6,
    riskThreshold: 5,
    sensors: [
      { tag: 'F2.crown.T2', score: 0.31 },
      { tag: 'F2.flue.CO', score: 0.72 },
      { tag: 'F2.glass.L1', score: 0.44 },
    ],
    processFault: 0.2,
  },
  forecaster: [
    { feature: 'fining.T:5m:mean', value: 1432.5, baseline: 1450, contribution: 0.8, text: 'fining.T:5m:mean 1432 (-17.5 vs usual 1450): +0.80 rejects per 1000 at 60 min' },
    { feature: 'flue.CO:5m:mean', value: 310, baseline: 120, contribution: 1.3, text: 'flue.CO:5m:mean 310 (+190 vs usual 120): +1.30 rejects per 1000 at 60 min' },
    { feature: 'pull:5m:mean', value: null, baseline: 300, contribution: -0.4, text: 'pull:5m:mean NaN: -0.40 rejects per 1000 at 60 min' },
  ],
  forecasterBase: 1.9,
  ensemble: [{ feature: 'forecast:bubble', value: 3.9, baseline: 2, contribution: 1.6, text: 'forecast:bubble 3.9: +1.60' }],
  ensembleBase: 2.4,
  attentionTop: [57, 58, 59, 56, 20],
  summary: ['flue.CO:5m:mean 310 (+190 vs usual 120): +1.30 rejects per 1000 at 60 min'],
};

/** The same furnace before the forecaster has an hour of vectors: nothing attributed yet. */
export const EMPTY: Explanation = {
  prediction: { furnace: 'F2', at: AT, models: { gnn: 'v2' } },
  forecaster: [],
  forecasterBase: null,
  ensemble: [],
  ensembleBase: null,
  attentionTop: [],
  summary: [],
};
