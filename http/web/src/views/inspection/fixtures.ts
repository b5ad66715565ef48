import type { DecisionsResponse } from './types';

/** Three decisions of two lines, newest first, as the node answers them. */
export const DECISIONS: DecisionsResponse = {
  count: 3,
  decisions: [
    {
      id: '1-40',
      furnace: 'F2',
      line: 'F2',
      item: 1204,
      capturedAt: '2026-12-03T10:00:03Z',
      decidedAt: '2026-12-03T10:00:03.040Z',
      label: 'crack',
      probability: 0.97,
      defectProbability: 0.98,
      reject: true,
      model: 'vision/1',
    },
    {
      id: '0-77',
      furnace: 'F1',
      line: 'F1',
      item: 877,
      capturedAt: '2026-12-03T10:00:02Z',
      decidedAt: '2026-12-03T10:00:02.030Z',
      label: 'none',
      probability: 0.991,
      defectProbability: 0.009,
      reject: false,
      model: 'vision/1',
    },
    {
      id: '0-76',
      furnace: 'F1',
      line: 'F1',
      item: 876,
      capturedAt: '2026-12-03T10:00:01Z',
      decidedAt: '2026-12-03T10:00:01.030Z',
      label: 'unreadable',
      reject: true,
      model: 'vision/1',
      reason: 'PGM pixel data is short',
    },
  ],
};

/** The tag map of two furnaces' inspection counters. */
export const TAG_MAP = [
  'tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address',
  'F1.insp.inspected,F1,1/min,0,500,,,sim,',
  'F1.insp.reject.crack,F1,1/min,0,100,,3,sim,',
  'F1.insp.reject.stone,F1,1/min,0,100,,3,sim,',
  'F2.insp.inspected,F2,1/min,0,500,,,sim,',
  'F2.insp.reject.crack,F2,1/min,0,100,,3,sim,',
  'F2.insp.reject.stone,F2,1/min,0,100,,3,sim,',
].join('\n');

/** Minute means of F1's counters: 300 inspected, 1.5 cracks and 4 stones a minute. */
export function counters(furnace: string, inspected: number, crack: number, stone: number) {
  const points = [0, 1, 2].map((m) => ({ ts: new Date(Date.parse('2026-12-03T10:00:00Z') + m * 60_000).toISOString(), values: [inspected, crack, stone] }));
  return {
    furnace,
    step: '1m',
    from: '2026-12-03T09:00:00Z',
    to: '2026-12-03T10:03:00Z',
    tags: [`${furnace}.insp.inspected`, `${furnace}.insp.reject.crack`, `${furnace}.insp.reject.stone`],
    points,
  };
}
