import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { Explanations } from '../Explanations';
import { signInAs, stubFetch } from '../incident/stubFetch';
import { EMPTY, EXPLANATION } from './fixtures';

const PATH = 'GET /api/explainability/prediction?furnace=F2';

describe('explanations page', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('viewer');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('links back to the furnace and its twin', async () => {
    stubFetch({ [PATH]: { json: EXPLANATION } });
    render(<Explanations furnace="F2" />);
    expect((await screen.findByRole('link', { name: '← Furnace F2' })).getAttribute('href')).toBe('/furnaces/F2');
    expect(screen.getByRole('link', { name: 'Digital twin F2' }).getAttribute('href')).toBe('/twin/F2');
  });

  it('draws attribution bars largest first, raising ones to the right and lowering ones to the left', async () => {
    stubFetch({ [PATH]: { json: EXPLANATION } });
    render(<Explanations furnace="F2" />);
    const panel = await screen.findByRole('region', { name: /Forecaster: what drives/ });
    const rows = within(panel).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.attr-feature')?.textContent)).toEqual(['flue.CO:5m:mean', 'fining.T:5m:mean', 'pull:5m:mean']);
    const fill = (r: HTMLElement) => r.querySelector('.attr-fill') as HTMLElement;
    expect(fill(rows[0]).className).toContain('up');
    expect(fill(rows[0]).style.width).toBe('50%');
    expect(fill(rows[2]).className).toContain('down');
    expect(fill(rows[2]).style.right).toBe('50%');
    expect(rows[2].textContent).toContain('missing');
    expect(rows[2].querySelector('.attr-amount')?.textContent).toBe('−0.40');
    expect(within(panel).getByText(/every input at its usual value: 1.90/)).toBeTruthy();
  });

  it('renders the attention strip over 60 minutes with the top minutes ranked', async () => {
    stubFetch({ [PATH]: { json: EXPLANATION } });
    render(<Explanations furnace="F2" />);
    const strip = await screen.findByRole('img', { name: /attention over the last hour/ });
    const cells = strip.querySelectorAll('.attention-cell');
    expect(cells).toHaveLength(60);
    expect(cells[57].textContent).toBe('1');
    expect(cells[20].textContent).toBe('5');
    expect((cells[59] as HTMLElement).style.backgroundColor).toBe('rgb(242, 177, 52)');
    expect((cells[0] as HTMLElement).style.backgroundColor).toMatch(/^rgba\(242, 177, 52, 0\.1[78]\d*\)$/);
    expect(screen.getByText('now')).toBeTruthy();
    expect(screen.getByText('−30 min')).toBeTruthy();
  });

  it('ranks the suspect sensors and colours them against the alert threshold', async () => {
    stubFetch({ [PATH]: { json: EXPLANATION } });
    render(<Explanations furnace="F2" />);
    const panel = await screen.findByRole('region', { name: /Suspect sensors/ });
    const rows = within(panel).getAllByRole('listitem');
    expect(rows.map((r) => r.querySelector('.suspect-tag')?.textContent)).toEqual(['F2.flue.CO', 'F2.glass.L1', 'F2.crown.T2']);
    expect(rows.map((r) => r.className)).toEqual(['suspect level-alarm', 'suspect level-warn', 'suspect level-ok']);
  });

  it('shows designed empty states where the models have produced nothing yet', async () => {
    stubFetch({ [PATH]: { json: EMPTY } });
    render(<Explanations furnace="F2" />);
    expect(await screen.findAllByText('Attributions not computed')).toHaveLength(2);
    expect(screen.getByText('No attention yet')).toBeTruthy();
    expect(screen.getByText('No suspect sensors')).toBeTruthy();
    expect(screen.getByText('No forecast yet')).toBeTruthy();
  });

  it('marks the top minutes when only they are known, and says so', async () => {
    stubFetch({ [PATH]: { json: { ...EXPLANATION, prediction: { ...EXPLANATION.prediction, attention: undefined } } } });
    render(<Explanations furnace="F2" />);
    expect(await screen.findByText(/per-minute weights are not available/)).toBeTruthy();
    expect(screen.getByRole('img', { name: /attention/ }).querySelectorAll('.attention-cell.top')).toHaveLength(5);
  });

  it('says when there is no prediction yet', async () => {
    stubFetch({
      [PATH]: {
        status: 404,
        json: { title: 'No prediction yet', status: 404, code: 'prediction-not-found', detail: 'the models have not predicted for F2 yet' },
      },
    });
    render(<Explanations furnace="F2" />);
    expect(await screen.findByText('the models have not predicted for F2 yet')).toBeTruthy();
    expect(screen.getByRole('link', { name: '← Furnace F2' })).toBeTruthy();
  });

  it('speaks Russian', async () => {
    setLang('ru');
    stubFetch({ [PATH]: { json: EMPTY } });
    render(<Explanations furnace="F2" />);
    expect(await screen.findAllByText('Вклады не вычислены')).toHaveLength(2);
    expect(screen.getByRole('link', { name: '← Печь F2' })).toBeTruthy();
    expect(screen.getByText('Подозрительных датчиков нет')).toBeTruthy();
  });
});
