import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchHistory, historyPath } from './history';
import { problem, stubFetch } from './testing';

describe('history', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the tags over the range', () => {
    expect(historyPath('F1', ['F1.crown.T1', 'F1.gas.flow'], 0, 60_000, 'auto')).toBe(
      '/api/furnaces/F1/history?from=1970-01-01T00%3A00%3A00.000Z&to=1970-01-01T00%3A01%3A00.000Z&step=auto&tags=F1.crown.T1%2CF1.gas.flow',
    );
  });

  it('falls back to coarser rollups when the range is too large', async () => {
    const tooLarge = problem(422, 'history-too-large', 'too many');
    const calls = stubFetch([
      ['/api/furnaces/F1/history', (url: string) => (url.includes('step=1h') ? new Response(JSON.stringify({ step: '1h', tags: [], points: [] }), { headers: { 'content-type': 'application/json' } }) : tooLarge(url))],
    ]);
    const h = await fetchHistory('F1', ['F1.crown.T1'], 0, 60_000);
    expect(h.step).toBe('1h');
    expect(calls.map((c) => new URL(c.url, 'http://x').searchParams.get('step'))).toEqual(['auto', '1m', '1h']);
  });
});
