import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signIn, signOut } from '../api/session';
import { setLang } from '../i18n/i18n';
import { Audit } from './Audit';
import { ENTRIES } from './audit/fixtures';

function jwt(payload: object): string {
  const b64 = (o: object) => btoa(JSON.stringify(o)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64({ alg: 'HS256' })}.${b64(payload)}.sig`;
}

function stubFetch(entries = ENTRIES) {
  const fetch = vi.fn(async (url: string) => {
    if (url.startsWith('/api/tag-map')) {
      return new Response('tag,furnace,unit\nF1.crown.T1,F1,degC\nF2.crown.T1,F2,degC\n', { headers: { 'content-type': 'text/csv' } });
    }
    return new Response(JSON.stringify({ entries }), { headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const auditCalls = (fetch: ReturnType<typeof stubFetch>) =>
  fetch.mock.calls.map((c) => String(c[0])).filter((u) => u.startsWith('/api/audit'));

describe('Audit', () => {
  beforeEach(() => {
    setLang('en');
    signIn(jwt({ sub: 'dev-admin', roles: ['admin'], furnaces: ['*'], exp: 4000000000 }));
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    signOut();
  });

  it('shows a designed "admins only" state to everyone else, without asking for the trail', async () => {
    signIn(jwt({ sub: 'olga', roles: ['operator'], furnaces: ['F1'], exp: 4000000000 }));
    const fetch = stubFetch();
    render(<Audit />);
    expect(screen.getByText('Admins only')).toBeTruthy();
    expect(auditCalls(fetch)).toEqual([]);
  });

  it('lists who did what, where, with the status, outcome and correlation id', async () => {
    stubFetch();
    render(<Audit />);
    const rows = await screen.findAllByTestId('audit-entry');
    expect(rows).toHaveLength(3);
    expect(within(rows[1]).getByText('boris')).toBeTruthy();
    expect(within(rows[1]).getByText('422')).toHaveProperty('className', 'badge warn');
    expect(within(rows[1]).getByText('step-too-large')).toBeTruthy();
    expect(within(rows[1]).getByText('corr-e2')).toBeTruthy();
    expect(within(rows[0]).getByText('POST /api/furnaces/{id}/setpoints')).toBeTruthy();
    expect(within(rows[2]).getByText('plant')).toBeTruthy();
  });

  it('applies the filters together as one query', async () => {
    const fetch = stubFetch();
    render(<Audit />);
    await screen.findAllByTestId('audit-entry');
    expect(auditCalls(fetch)).toEqual(['/api/audit?limit=100']);
    await screen.findByRole('option', { name: 'F2' });
    fireEvent.change(screen.getByLabelText('Furnace'), { target: { value: 'F2' } });
    fireEvent.input(screen.getByLabelText('Who'), { target: { value: ' boris ' } });
    fireEvent.change(screen.getByLabelText('Per page'), { target: { value: '50' } });
    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-12-03T10:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    const from = new Date('2026-12-03T10:00').toISOString();
    await waitFor(() =>
      expect(auditCalls(fetch)).toContain(`/api/audit?furnace=F2&actor=boris&from=${encodeURIComponent(from)}&limit=50`),
    );
  });

  it('pages back in time from the oldest entry shown, and forward again', async () => {
    const full = Array.from({ length: 100 }, (_, i) => ({ ...ENTRIES[0], id: `p${i}`, at: new Date(Date.UTC(2026, 11, 3, 16, 0, 0) - i * 1000).toISOString() }));
    const fetch = stubFetch(full);
    render(<Audit />);
    await screen.findAllByTestId('audit-entry');
    fireEvent.click(screen.getByRole('button', { name: 'Older →' }));
    const to = encodeURIComponent(full[99].at);
    await waitFor(() => expect(auditCalls(fetch)).toContain(`/api/audit?to=${to}&limit=100`));
    expect(await screen.findByText('Page 2 · 100 entries')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '← Newer' }));
    await waitFor(() => expect(screen.getByText('Page 1 · 100 entries')).toBeTruthy());
  });

  it('speaks Russian', async () => {
    setLang('ru');
    stubFetch();
    render(<Audit />);
    await screen.findAllByTestId('audit-entry');
    expect(screen.getByRole('heading', { name: 'Журнал аудита' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Применить' })).toBeTruthy();
    cleanup();
    signIn(jwt({ sub: 'olga', roles: ['viewer'], furnaces: ['F1'], exp: 4000000000 }));
    render(<Audit />);
    expect(screen.getByText('Только для администраторов')).toBeTruthy();
  });
});
