import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { Inspection } from './Inspection';
import { counters, DECISIONS, TAG_MAP } from './inspection/fixtures';

type Answer = { status?: number; body: unknown; type?: string };

function stubFetch(answer: (url: string) => Answer) {
  const fetch = vi.fn(async (url: string) => {
    const a = answer(url);
    const type = a.type ?? (typeof a.body === 'string' ? 'text/csv' : 'application/json');
    return new Response(typeof a.body === 'string' ? a.body : JSON.stringify(a.body), {
      status: a.status ?? 200,
      headers: { 'content-type': type },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

function plantAnswer(url: string): Answer | null {
  if (url.startsWith('/api/tag-map')) return { body: TAG_MAP };
  if (url.startsWith('/api/furnaces/F1/history')) return { body: counters('F1', 300, 1.5, 4) };
  if (url.startsWith('/api/furnaces/F2/history')) return { body: counters('F2', 250, 0, 0) };
  return null;
}

describe('Inspection', () => {
  beforeEach(() => setLang('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the latest frames with their decision, class, item and confidence', async () => {
    stubFetch((url) => plantAnswer(url) ?? { body: DECISIONS });
    render(<Inspection />);
    const cards = await screen.findAllByTestId('frame');
    expect(cards).toHaveLength(3);
    expect(within(cards[0]).getByText('reject')).toHaveProperty('className', 'badge alarm');
    expect(within(cards[0]).getByText('crack')).toBeTruthy();
    expect(within(cards[0]).getByText(/Item 1204/)).toBeTruthy();
    expect(within(cards[0]).getByText('confidence 97.0%')).toBeTruthy();
    expect(within(cards[1]).getByText('accept')).toHaveProperty('className', 'badge ok');
    expect(within(cards[2]).getAllByText('unreadable')[0]).toHaveProperty('className', 'badge warn');
    expect(within(cards[2]).getByText('PGM pixel data is short')).toBeTruthy();
    expect(screen.getByText('66.7%')).toBeTruthy(); // 2 of 3 rejected
  });

  it('asks for one furnace when filtered, and hides accepted items on "Rejects only"', async () => {
    const fetch = stubFetch((url) => plantAnswer(url) ?? { body: DECISIONS });
    render(<Inspection />);
    await screen.findAllByTestId('frame');
    await screen.findByRole('option', { name: 'F2' });
    fireEvent.change(screen.getByLabelText('Furnace'), { target: { value: 'F2' } });
    await waitFor(() => expect(fetch.mock.calls.map((c) => c[0])).toContain('/api/inspection/decisions?limit=60&furnace=F2'));
    fireEvent.click(screen.getByLabelText('Rejects only'));
    await waitFor(() => expect(screen.getAllByTestId('frame')).toHaveLength(2));
  });

  it('shows the reject rate per class per furnace from the counters, coloured against the limit', async () => {
    stubFetch((url) => plantAnswer(url) ?? { body: DECISIONS });
    render(<Inspection />);
    const crack = await screen.findByTestId('rate-F1-crack');
    expect(crack.textContent).toContain('5.0 ‰'); // 1000 · 1.5 / 300
    const stone = screen.getByTestId('rate-F1-stone');
    expect(stone.textContent).toContain('13.3 ‰');
    expect(stone.querySelector('.bar-fill')?.className).toContain('rate-alarm'); // 4/min over the 3/min limit
    expect(crack.querySelector('.bar-fill')?.className).toContain('rate-ok');
    expect(screen.getByTestId('rate-F2-crack').textContent).toContain('0.0 ‰');
  });

  it('shows a designed state when the node does not serve recent decisions', async () => {
    stubFetch(
      (url) =>
        plantAnswer(url) ?? {
          status: 404,
          type: 'application/problem+json',
          body: { title: 'Not Found', status: 404, code: 'not-found' },
        },
    );
    render(<Inspection />);
    expect(await screen.findByText('Recent decisions are not served by this node yet')).toBeTruthy();
  });

  it('speaks Russian', async () => {
    setLang('ru');
    stubFetch((url) => plantAnswer(url) ?? { body: DECISIONS });
    render(<Inspection />);
    const cards = await screen.findAllByTestId('frame');
    expect(screen.getByRole('heading', { name: 'Последние кадры' })).toBeTruthy();
    expect(within(cards[0]).getByText('брак')).toBeTruthy();
    expect(within(cards[0]).getByText('трещина')).toBeTruthy();
    expect(screen.getByLabelText('Только брак')).toBeTruthy();
  });
});
