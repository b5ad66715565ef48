import { act, cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { emit } from '../furnace/testLive';
import { furnaceView, prediction, stubFetch, TAG_MAP } from '../furnace/testing';
import { Overview } from '../Overview';

vi.mock('../../live/live', async () => (await import('../furnace/testLive')).liveModule());

const MIN = 60_000;

function history(now: number) {
  const tags = ['F1.pull.rate', 'F1.insp.inspected', 'F1.insp.reject.crack', 'F1.insp.reject.bubble'];
  const points = [3, 2, 1].map((k) => ({ ts: new Date(now - k * MIN).toISOString(), values: [300 + k, 300, 1, 6] }));
  return { furnace: 'F1', step: 'raw', from: '', to: '', tags, points };
}

function routes(now: number) {
  return stubFetch([
    ['/api/tag-map', TAG_MAP],
    ['/api/furnaces/F1/history', history(now)],
    ['/api/furnaces/F1', furnaceView()],
    ['/api/twin/F1', { lastSyncAt: new Date(now).toISOString(), estimate: { energyPerTonneGj: 5.12 } }],
    ['/api/incidents?furnace=F1&status=open', { incidents: [{ id: 'i1' }, { id: 'i2' }] }],
    ['/api/explainability/prediction?furnace=F1', { prediction: prediction(now - MIN) }],
  ]);
}

const figure = (card: HTMLElement, name: string) => card.querySelector(`[data-figure="${name}"]`) as HTMLElement;

describe('Overview', () => {
  beforeEach(() => setLang('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows a card per furnace with its figures, coloured against their limits', async () => {
    routes(Date.now());
    render(<Overview />);
    const card = await screen.findByTestId('furnace-card');
    await waitFor(() => expect(figure(card, 'pull').textContent).toContain('301.0'));
    expect(within(card).getByRole('link', { name: 'Furnace F1' }).getAttribute('href')).toBe('/furnaces/F1');
    expect(within(card).getByRole('link', { name: 'Digital twin' }).getAttribute('href')).toBe('/twin/F1');
    await waitFor(() => expect(figure(card, 'energy').textContent).toContain('5.12'));
    // 1000 · (1 + 6) / 300 = 23.3 per 1000, over the 16.6 threshold
    await waitFor(() => expect(figure(card, 'rejects').textContent).toContain('23.3'));
    expect(figure(card, 'rejects').querySelector('.stat')!.className).toContain('level-alarm');
    expect(figure(card, 'risk').textContent).toContain('21.0');
    expect(figure(card, 'risk').querySelector('.stat')!.className).toContain('level-alarm');
    // one critical alarm is active, the warning has cleared
    expect(figure(card, 'alarms').textContent).toContain('1');
    expect(figure(card, 'alarms').querySelector('.stat')!.className).toContain('level-alarm');
    await waitFor(() => expect(within(card).getByText('Open incidents').parentElement!.textContent).toContain('2'));
    expect(within(card).getByText('Advisory')).toBeTruthy();
    const crack = within(card).getByRole('row', { name: /Cracks/ });
    expect(crack.textContent).toContain('3.3');
    expect(crack.querySelector('td')!.className).toContain('cell-ok');
    expect(within(card).getByRole('row', { name: /Bubbles/ }).querySelector('td')!.className).toContain('cell-alarm');
  });

  it('changes a figure as live events arrive, and marks an old one stale', async () => {
    const now = Date.now();
    routes(now);
    render(<Overview />);
    const card = await screen.findByTestId('furnace-card');
    await waitFor(() => expect(figure(card, 'pull').textContent).toContain('301.0'));
    expect(figure(card, 'pull').textContent).toContain('stale');
    act(() => emit('sensor', 'furnace/F1', { tag: 'F1.pull.rate', value: 312.5, readingTs: new Date().toISOString(), anomaly: 'NORMAL', accepted: 1 }));
    expect(figure(card, 'pull').textContent).toContain('312.5');
    expect(figure(card, 'pull').textContent).not.toContain('stale');
    act(() =>
      emit('alarm', 'furnace/F1', { alarmId: 'F1.crown.T1', state: 'raised', severity: 'warning', source: 'F1.crown.T1', at: new Date().toISOString() }),
    );
    expect(figure(card, 'alarms').textContent).toContain('2');
  });

  it('speaks Russian', async () => {
    routes(Date.now());
    setLang('ru');
    render(<Overview />);
    const card = await screen.findByTestId('furnace-card');
    expect(within(card).getByText('Съём')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Печь F1' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Обзор завода');
  });
});
