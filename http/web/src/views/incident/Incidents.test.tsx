import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { Incidents } from '../Incidents';
import { filterFromSearch, incidentsPath } from './filters';
import { LIST, TAG_MAP } from './fixtures';
import { signInAs, stubFetch } from './stubFetch';

const ROUTES = {
  'GET /api/tag-map': { text: TAG_MAP },
  'GET /api/incidents': { json: LIST },
  'GET /api/incidents?furnace=F2': { json: { incidents: LIST.incidents.filter((i) => i.furnace === 'F2') } },
  'GET /api/incidents?furnace=F2&status=open': {
    json: { incidents: LIST.incidents.filter((i) => i.furnace === 'F2' && i.status === 'open') },
  },
};

describe('incidents list', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('viewer');
    history.replaceState(null, '', '/incidents');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists incidents newest first, each linking to its page, with defect, status and top cause', async () => {
    stubFetch(ROUTES);
    render(<Incidents />);
    const table = await screen.findByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('link')[0].textContent)).toEqual(['F2-bubble-3', 'F2-anomaly-2', 'F1-crack-1']);
    expect(within(rows[0]).getByRole('link', { name: 'F2-bubble-3' }).getAttribute('href')).toBe('/incidents/F2-bubble-3');
    expect(rows[0].textContent).toContain('Bubbles');
    expect(rows[0].textContent).toContain('Burner degradation');
    expect(rows[1].textContent).toContain('F2.crown.T3');
    expect(rows[1].textContent).toContain('not analysed yet');
    expect(within(rows[2]).getByText('Closed')).toBeTruthy();
    expect(screen.getByText('2 open')).toBeTruthy();
  });

  it('builds the list query from the furnace and status filters and keeps them in the address', async () => {
    const calls = stubFetch(ROUTES);
    render(<Incidents />);
    await screen.findByRole('table');
    const select = (await screen.findByLabelText('Furnace')) as HTMLSelectElement;
    await waitFor(() => expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['All furnaces', 'F1', 'F2', 'F3']));
    fireEvent.change(select, { target: { value: 'F2' } });
    await waitFor(() => expect(calls.some((c) => c.url === '/api/incidents?furnace=F2')).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(calls.at(-1)?.url).toBe('/api/incidents?furnace=F2&status=open'));
    expect(location.search).toBe('?furnace=F2&status=open');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('button', { name: 'Open' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('shows a designed empty state when nothing matches', async () => {
    stubFetch({ ...ROUTES, 'GET /api/incidents': { json: { incidents: [] } } });
    render(<Incidents />);
    expect(await screen.findByText('No incidents')).toBeTruthy();
  });

  it('speaks Russian', async () => {
    setLang('ru');
    stubFetch(ROUTES);
    render(<Incidents />);
    await screen.findByRole('table');
    expect(screen.getByRole('columnheader', { name: 'Главная причина' })).toBeTruthy();
    expect(screen.getByText('Деградация горелок')).toBeTruthy();
    expect(screen.getAllByText('Открыт').length).toBeGreaterThan(0);
    expect(screen.getByRole('button', { name: 'Закрыт' })).toBeTruthy();
  });
});

describe('incident filters', () => {
  it('leaves empty filters out of the request', () => {
    expect(incidentsPath({ furnace: '', status: '' })).toBe('/api/incidents');
    expect(incidentsPath({ furnace: 'F3', status: '' })).toBe('/api/incidents?furnace=F3');
    expect(incidentsPath({ furnace: '', status: 'closed' })).toBe('/api/incidents?status=closed');
  });

  it('reads a filter from the address and ignores an unknown status', () => {
    expect(filterFromSearch('?furnace=F1&status=open')).toEqual({ furnace: 'F1', status: 'open' });
    expect(filterFromSearch('?status=maybe')).toEqual({ furnace: '', status: '' });
  });
});
