import type { Model, TrainingStatus } from './types';

/** The vision model with a second version in shadow, and a forecaster, as the node lists them. */
export const MODELS: Model[] = [
  {
    name: 'vision',
    active: '1',
    shadow: '2',
    served: '1',
    versions: [
      {
        version: '1',
        sha256: 'f83bc1b355e47edf54a6b9a5518a1f36476950a2c835fe9373dedd8c3b72c5ef',
        inputs: ['frames[-1, 1, 64, 64]'],
        outputs: ['probabilities[-1, 5]'],
        heldOut: { falseRejectRate: 0.0, rejectF1: 0.9969, items: 1200 },
        floorsMet: true,
        registeredAt: '2026-12-03T15:53:09Z',
      },
      {
        version: '2',
        sha256: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
        inputs: ['frames[-1, 1, 64, 64]'],
        outputs: ['probabilities[-1, 5]'],
        heldOut: { falseRejectRate: 0.001, rejectF1: 0.998, items: 1200 },
        floorsMet: false,
        registeredAt: '2026-12-03T16:10:00Z',
      },
    ],
    activations: [
      { version: '1', reason: 'first version registered', automatic: false, at: '2026-12-03T15:53:09Z' },
      { version: '1', reason: 'rolled back: live rejectF1 fell', automatic: true, at: '2026-12-03T16:20:00Z' },
    ],
    liveQuality: { falseRejectRate: 0.004, rejectF1: 0.8333 },
    liveDrift: { pixels: 0.31, mean: 0.04 },
  },
  {
    name: 'forecaster',
    active: '1',
    shadow: null,
    served: '1',
    versions: [
      {
        version: '1',
        sha256: '7f3a422e86c05a5f04609343ff18d15d6f188ea5b393d22246f9ce36c9a1f59e',
        inputs: ['features[-1, 60, 14]'],
        outputs: ['quantiles[-1, 3, 4, 3]'],
        heldOut: { coverage90: 0.8995, maeTotal60: 34.095 },
        floorsMet: false,
        registeredAt: '2026-12-03T15:53:08Z',
      },
    ],
    activations: [{ version: '1', reason: 'first version registered', automatic: false, at: '2026-12-03T15:53:08Z' }],
    liveQuality: {},
    liveDrift: {},
  },
];

export const TRAINING: TrainingStatus = {
  models: [
    {
      name: 'vision',
      active: '1',
      versions: [{ version: '1', dataHash: 'sha256:b3e25d6334866e3af630', seed: 11, wallSeconds: 538.7, heldOut: {}, floorsMet: true }],
      liveQuality: { falseRejectRate: 0.004, rejectF1: 0.8333 },
      liveDrift: {},
      retrainDue: true,
      reasons: ['live falseRejectRate 0.0040 against 0.0000 on held-out data'],
    },
    {
      name: 'forecaster',
      active: '1',
      versions: [],
      liveQuality: {},
      liveDrift: {},
      retrainDue: true,
      reasons: ['forecaster/1 misses a floor of its card on held-out data'],
    },
  ],
};
