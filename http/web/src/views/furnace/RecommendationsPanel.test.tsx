import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTagMap } from '../../api/plant';
import { setLang } from '../../i18n/i18n';
import { RecommendationsPanel } from './RecommendationsPanel';
import { problem, signInAs, stubFetch, TAG_MAP } from './testing';

const tags = parseTagMap(TAG_MAP).tags;

describe('RecommendationsPanel', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('operator');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('says the optimizer is not deployed while its endpoint is missing', async () => {
    stubFetch([['/api/recommendations', problem(404, 'not-found', 'The requested resource could not be found.')]]);
    render(<RecommendationsPanel furnace="F1" tags={tags} onDecided={() => {}} />);
    expect(await screen.findByText('The optimizer has not been deployed')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says so in Russian too', async () => {
    setLang('ru');
    stubFetch([['/api/recommendations', problem(405, 'method-not-allowed', 'no')]]);
    render(<RecommendationsPanel furnace="F1" tags={tags} onDecided={() => {}} />);
    expect(await screen.findByText('Оптимизатор ещё не развёрнут')).toBeTruthy();
  });

  it('shows a proposal and accepts it', async () => {
    const calls = stubFetch([
      ['/api/recommendations/r-7/approve', { status: 'accepted', detail: 'pullRate of F1 set to 310' }],
      [
        '/api/recommendations?furnace=F1',
        { recommendations: [{ id: 'r-7', parameter: 'pullRate', current: 300, proposed: 310, expectedEffect: 'energy −0.8 %', reason: 'cooler crown' }] },
      ],
    ]);
    render(<RecommendationsPanel furnace="F1" tags={tags} onDecided={() => {}} />);
    const accept = await screen.findByTestId('accept-recommendation');
    expect(screen.getByText('Pull rate')).toBeTruthy();
    expect(screen.getByText('energy −0.8 %')).toBeTruthy();
    fireEvent.click(accept);
    expect(await screen.findByText('pullRate of F1 set to 310')).toBeTruthy();
    expect(calls.find((c) => c.method === 'POST')!.url).toBe('/api/recommendations/r-7/approve');
  });

  it('shows why a rejection failed', async () => {
    stubFetch([
      ['/api/recommendations/r-7/reject', problem(409, 'conflict', 'already decided')],
      ['/api/recommendations?furnace=F1', [{ id: 'r-7', parameter: 'pullRate', current: 300, proposed: 310 }]],
    ]);
    render(<RecommendationsPanel furnace="F1" tags={tags} onDecided={() => {}} />);
    fireEvent.click(await screen.findByRole('button', { name: /^Reject/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('already decided');
  });
});
