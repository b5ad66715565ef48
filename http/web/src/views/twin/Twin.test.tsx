import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { Twin } from '../Twin';
import { json, SHADOW_IDLE, SHADOW_RUNNING, signInAs, stubCharting, stubFetch, TAG_MAP, TWIN, WHAT_IF } from './testing';

// uPlot reads the pixel ratio through matchMedia when it is imported.
vi.hoisted(() => {
  window.matchMedia = ((q: string) => ({ matches: false, media: q, addEventListener() {}, removeEventListener() {}, addListener() {}, removeListener() {} })) as never;
});

vi.mock('../../live/live', async () => {
  const real = await vi.importActual<typeof import('../../live/live')>('../../live/live');
  return { ...real, useLive: () => undefined };
});

const routes = (extra: [string, unknown][] = []): [string, unknown][] => [
  ...extra,
  ['GET /api/tag-map', TAG_MAP],
  ['GET /api/twin/F1/shadow', SHADOW_IDLE],
  ['GET /api/twin/F1', TWIN],
];

describe('Twin', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('operator');
    stubCharting();
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('links to the furnace and its explanations and shows the estimate', async () => {
    stubFetch(routes());
    render(<Twin furnace="F1" />);
    expect(await screen.findByText('Digital twin · F1')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Furnace F1' }).getAttribute('href')).toBe('/furnaces/F1');
    expect(screen.getByRole('link', { name: 'Explanations' }).getAttribute('href')).toBe('/furnaces/F1/explanations');
    const estimate = await screen.findByRole('region', { name: 'Twin estimate' });
    expect(within(estimate).getByText('1,554')).toBeTruthy();
    expect(within(estimate).getByText('98.8%')).toBeTruthy();
  });

  it('posts the changed targets and the horizon, then draws baseline beside scenario', async () => {
    const calls = stubFetch(routes([['POST /api/twin/F1/what-if', WHAT_IF]]));
    render(<Twin furnace="F1" />);
    const pull = await screen.findByLabelText('Pull rate, t/day');
    fireEvent.change(pull, { target: { value: '320' } });
    fireEvent.click(screen.getByRole('button', { name: '1 h' }));
    fireEvent.click(screen.getByTestId('whatif-run'));
    const chart = await screen.findByTestId('whatif-chart');
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.body).toEqual({ absolute: { crownTemperature: 1570, pullRate: 320 }, horizonMinutes: 60 });
    expect(chart.getAttribute('data-series-count')).toBe('6');
    expect(chart.querySelectorAll('.chart')).toHaveLength(3);
    expect(within(chart).getAllByText('baseline').length).toBeGreaterThan(0);
    expect(within(chart).getAllByText('scenario').length).toBeGreaterThan(0);
    const row = screen.getByRole('row', { name: /Energy per tonne/ });
    expect(within(row).getByText('+0.11')).toHaveProperty('className', 'num delta tone-alarm');
    const defects = screen.getByRole('row', { name: /Defective items/ });
    expect(within(defects).getByText('−0.50')).toHaveProperty('className', 'num delta tone-ok');
    // the twin is fetched again so that the new scenario is listed
    await waitFor(() => expect(calls.filter((c) => c.url === '/api/twin/F1').length).toBeGreaterThanOrEqual(2));
  });

  it('shows why the twin refused a what-if', async () => {
    stubFetch(
      routes([
        [
          'POST /api/twin/F1/what-if',
          () =>
            json(
              {
                title: 'What-if rejected',
                status: 422,
                code: 'invalid-setpoint',
                detail: 'crownTemperature 1700.0 is outside the safe range 1450.0..1650.0',
              },
              422,
            ),
        ],
      ]),
    );
    render(<Twin furnace="F1" />);
    fireEvent.change(await screen.findByLabelText('Crown temperature, °C'), { target: { value: '1700' } });
    fireEvent.click(screen.getByTestId('whatif-run'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('What-if rejected');
    expect(alert.textContent).toContain('HTTP 422');
    expect(alert.textContent).toContain('outside the safe range 1450.0..1650.0');
    expect(screen.queryByTestId('whatif-chart')).toBeNull();
  });

  it('loads a recent scenario again', async () => {
    const calls = stubFetch(routes([['GET /api/twin/F1/scenarios/sc-old', { ...WHAT_IF, scenarioId: 'sc-old' }]]));
    render(<Twin furnace="F1" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Show sc-old' }));
    expect(await screen.findByText(/Result of scenario sc-old/)).toBeTruthy();
    expect(calls.some((c) => c.method === 'GET' && c.url === '/api/twin/F1/scenarios/sc-old')).toBe(true);
    expect(screen.getByTestId('whatif-chart').getAttribute('data-series-count')).toBe('6');
  });

  it('starts a shadow run of the candidate setpoints, shows its results and stops it', async () => {
    let active = false;
    const calls = stubFetch([
      ['POST /api/twin/F1/shadow', () => ((active = true), json({ status: 'accepted', detail: 'shadow started' }))],
      ['DELETE /api/twin/F1/shadow', () => ((active = false), json({ ...SHADOW_RUNNING, active: false }))],
      ['GET /api/twin/F1/shadow', () => json(active ? SHADOW_RUNNING : SHADOW_IDLE)],
      ...routes(),
    ]);
    render(<Twin furnace="F1" />);
    fireEvent.click(await screen.findByTestId('shadow-start'));
    const report = await screen.findByTestId('shadow-report');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ absolute: { crownTemperature: 1570 } });
    expect(within(report).getByText('72')).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /Crown temperature/ })).getByText('+8')).toBeTruthy();
    fireEvent.click(screen.getByTestId('shadow-stop'));
    await screen.findByTestId('shadow-start');
    expect(calls.some((c) => c.method === 'DELETE' && c.url === '/api/twin/F1/shadow')).toBe(true);
    // the last report stays in view after the stop
    expect(screen.getByTestId('shadow-report')).toBeTruthy();
  });

  it('lets a viewer look but not run', async () => {
    signInAs('viewer');
    stubFetch(routes());
    render(<Twin furnace="F1" />);
    expect(((await screen.findByTestId('whatif-run')) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Running a what-if needs the operator role.')).toBeTruthy();
  });

  it('speaks Russian', async () => {
    setLang('ru');
    stubFetch(routes());
    render(<Twin furnace="F1" />);
    expect(await screen.findByText('Цифровой двойник · F1')).toBeTruthy();
    expect((await screen.findByTestId('whatif-run')).textContent).toBe('Рассчитать');
    expect(screen.getByRole('region', { name: 'Что если' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Теневой прогон' })).toBeTruthy();
    expect(screen.getByLabelText('Съём стекла, т/сут')).toBeTruthy();
    expect(screen.getByText('3D недоступно в этом браузере')).toBeTruthy();
  });

  it('shows a designed empty state when the furnace has no twin', async () => {
    stubFetch([['GET /api/tag-map', TAG_MAP]]);
    render(<Twin furnace="F9" />);
    expect(await screen.findByText('No twin for this furnace yet')).toBeTruthy();
  });
});
