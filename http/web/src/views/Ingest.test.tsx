import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { Ingest } from './Ingest';
import { QUARANTINE, STATUS } from './ingest/fixtures';

function stubFetch(status: unknown = STATUS, quarantine: unknown = QUARANTINE) {
  const fetch = vi.fn(async (url: string) => {
    const body = url.startsWith('/api/ingest/status') ? status : quarantine;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

const urls = (fetch: ReturnType<typeof stubFetch>) => fetch.mock.calls.map((c) => String(c[0]));

describe('Ingest', () => {
  beforeEach(() => setLang('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each source with its state coloured, rate, lag, reconnects and last error', async () => {
    stubFetch();
    render(<Ingest />);
    const modbus = await screen.findByTestId('source-modbus');
    expect(within(modbus).getByText('failed')).toHaveProperty('className', 'badge alarm');
    expect(within(modbus).getByText('Connection refused')).toBeTruthy();
    expect(within(modbus).getByText('3')).toBeTruthy();
    const delivery = screen.getByTestId('source-delivery');
    expect(within(delivery).getByText('connected')).toHaveProperty('className', 'badge ok');
    expect(within(delivery).getByText('89.7')).toBeTruthy();
    expect(within(delivery).getByText('99')).toBeTruthy();
    expect(screen.getByText(/Silent: F1\.insp\.inspected, F1\.insp\.reject\.chip/)).toBeTruthy();
  });

  it('counts the quarantine by reason over every source and lists the latest with a payload excerpt', async () => {
    stubFetch();
    render(<Ingest />);
    expect((await screen.findByTestId('reason-unit-mismatch')).textContent).toContain('6');
    expect(screen.getByTestId('reason-malformed-payload').textContent).toContain('1');
    const rows = await screen.findAllByTestId('quarantined');
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("unit 'degF' is not the tag's unit 'degC'");
    const payload = rows[0].querySelector('.payload')!;
    expect(payload.textContent!.length).toBeLessThanOrEqual(161);
    expect(payload.textContent!.endsWith('…')).toBe(true);
  });

  it('filters by reason (from its bar or the list) and by source with the right query', async () => {
    const fetch = stubFetch();
    render(<Ingest />);
    await waitFor(() => expect(urls(fetch)).toContain('/api/quarantine?limit=50'));
    fireEvent.click(within(await screen.findByTestId('reason-unit-mismatch')).getByRole('button'));
    await waitFor(() => expect(urls(fetch)).toContain('/api/quarantine?limit=50&reason=unit-mismatch'));
    fireEvent.change(screen.getByLabelText('Source'), { target: { value: 'mqtt' } });
    await waitFor(() => expect(urls(fetch)).toContain('/api/quarantine?limit=50&reason=unit-mismatch&source=mqtt'));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filter' }));
    fireEvent.change(screen.getByLabelText('Show'), { target: { value: '200' } });
    await waitFor(() => expect(urls(fetch)).toContain('/api/quarantine?limit=200'));
  });

  it('shows designed states for an empty quarantine and for a node without ingest', async () => {
    stubFetch({ ...STATUS, quarantined: {} }, { count: 0, records: [] });
    render(<Ingest />);
    expect(await screen.findByText('Nothing quarantined')).toBeTruthy();
    cleanup();
    stubFetch({ enabled: false });
    render(<Ingest />);
    expect(await screen.findByText('Ingest is off on this node')).toBeTruthy();
  });

  it('speaks Russian', async () => {
    setLang('ru');
    stubFetch();
    render(<Ingest />);
    const modbus = await screen.findByTestId('source-modbus');
    expect(within(modbus).getByText('ошибка')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Карантин' })).toBeTruthy();
    expect(screen.getByLabelText('Причина')).toBeTruthy();
  });
});
