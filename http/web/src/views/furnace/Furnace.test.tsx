import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import type { TimeChartProps } from '../../ui/TimeChart';
import { Furnace } from '../Furnace';
import { furnaceView, prediction, problem, signInAs, stubFetch, TAG_MAP } from './testing';

vi.mock('../../live/live', async () => (await import('./testLive')).liveModule());
vi.mock('../../ui/TimeChart', () => ({
  TimeChart: (p: TimeChartProps) => (
    <div role="img" aria-label={p.ariaLabel} data-series={p.series.map((s) => s.label).join('|')} data-bands={p.bands?.length ?? 0} data-points={p.times.length} />
  ),
}));

const MIN = 60_000;

function routes(withPrediction: boolean) {
  const now = Date.now();
  return stubFetch([
    ['/api/tag-map', TAG_MAP],
    [
      '/api/furnaces/F1/history',
      (url: string) => {
        const tags = new URL(url, 'http://x').searchParams.get('tags')?.split(',') ?? ['F1.crown.T1', 'F1.gas.flow', 'F1.pull.rate', 'F1.flue.O2'];
        const points = [2, 1].map((k) => ({ ts: new Date(now - k * MIN).toISOString(), values: tags.map(() => 1) }));
        return new Response(JSON.stringify({ furnace: 'F1', step: 'raw', from: '', to: '', tags, points }), { headers: { 'content-type': 'application/json' } });
      },
    ],
    ['/api/furnaces/F1', furnaceView()],
    ['/api/explainability/prediction', withPrediction ? { prediction: prediction(now - MIN) } : problem(404, 'not-found', 'no prediction yet')],
    ['/api/recommendations', problem(404, 'not-found', 'not found')],
  ]);
}

describe('Furnace', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('operator');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('links to its explanations and twin, and draws trends and forecasts with bands', async () => {
    const calls = routes(true);
    render(<Furnace furnace="F1" />);
    const tabs = screen.getByRole('navigation', { name: 'Furnace views' });
    expect(within(tabs).getByRole('link', { name: 'Explanations' }).getAttribute('href')).toBe('/furnaces/F1/explanations');
    expect(within(tabs).getByRole('link', { name: 'Digital twin' }).getAttribute('href')).toBe('/twin/F1');

    const trend = await screen.findByTestId('trend-chart');
    // crown T1, gas flow and pull rate by default: a chart per unit
    await waitFor(() => expect(within(trend).getAllByRole('img')).toHaveLength(3));
    expect(within(trend).getByRole('img', { name: 'Trend of crown.T1' })).toBeTruthy();
    const trendCall = calls.find((c) => c.url.includes('tags=F1.crown.T1'))!;
    expect(new URL(trendCall.url, 'http://x').searchParams.get('step')).toBe('auto');

    const forecast = await screen.findByTestId('forecast-chart');
    const charts = await within(forecast).findAllByRole('img');
    expect(charts).toHaveLength(2);
    expect(charts[0].getAttribute('aria-label')).toBe('Cracks: measured reject rate and forecast with its 5–95 % band');
    expect(charts[0].getAttribute('data-bands')).toBe('1');
    expect(screen.getByRole('row', { name: /Bubbles/ }).textContent).toContain('20.0');

    expect(await screen.findByText('The optimizer has not been deployed')).toBeTruthy();
    expect(screen.getByText('defect risk 21.0 (alert above 16.6)')).toBeTruthy();
  });

  it('shows a designed empty forecast before the first prediction, in Russian too', async () => {
    routes(false);
    setLang('ru');
    render(<Furnace furnace="F1" />);
    const forecast = await screen.findByTestId('forecast-chart');
    expect(within(forecast).getByText('Прогноза пока нет')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Печь F1');
  });
});
