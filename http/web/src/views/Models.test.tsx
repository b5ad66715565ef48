import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../i18n/i18n';
import { Models } from './Models';
import { MODELS, TRAINING } from './models/fixtures';

function stubFetch(models: unknown = MODELS) {
  const fetch = vi.fn(async (url: string) => {
    const body = url.startsWith('/api/training/status') ? TRAINING : models;
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('Models', () => {
  beforeEach(() => setLang('en'));
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows each model with its active, served and shadow versions and its card badge', async () => {
    const fetch = stubFetch();
    render(<Models />);
    const vision = await screen.findByRole('region', { name: 'vision' });
    expect(within(vision).getByText('active v1')).toBeTruthy();
    expect(within(vision).getByText('served v1')).toBeTruthy();
    expect(within(vision).getByText('shadow v2')).toBeTruthy();
    expect(within(vision).getByText('retrain due')).toBeTruthy();
    expect(within(vision).getByText('v2 runs in shadow beside v1')).toBeTruthy();
    const v2 = within(vision).getByTestId('version-vision-2');
    expect(v2.textContent).toContain('0123456789ab…');
    expect(within(v2).getByText('misses a floor')).toHaveProperty('className', 'badge alarm');
    expect(within(vision).getByTestId('version-vision-1').textContent).toContain('seed 11');
    const urls = fetch.mock.calls.map((c) => c[0]);
    expect(urls).toContain('/api/models');
    expect(urls).toContain('/api/training/status');
  });

  it('compares live quality with the card and colours what got worse', async () => {
    stubFetch();
    render(<Models />);
    const f1 = await screen.findByTestId('quality-rejectF1');
    expect(f1.textContent).toContain('99.69%');
    expect(f1.textContent).toContain('83.33%');
    expect(f1.querySelector('.live-alarm')).not.toBeNull();
    expect(screen.getByTestId('quality-falseRejectRate').querySelector('.live-warn')).not.toBeNull();
    expect(screen.getByTestId('drift-pixels').querySelector('.psi-alarm')).not.toBeNull();
    expect(screen.getByTestId('drift-mean').querySelector('.psi-ok')).not.toBeNull();
    expect(screen.getByText('live falseRejectRate 0.0040 against 0.0000 on held-out data')).toBeTruthy();
    expect(screen.getAllByText('automatic')).toHaveLength(1);
  });

  it('shows a designed state when no model is registered', async () => {
    stubFetch([]);
    render(<Models />);
    expect(await screen.findByText('No models registered')).toBeTruthy();
  });

  it('speaks Russian', async () => {
    setLang('ru');
    stubFetch();
    render(<Models />);
    const vision = await screen.findByRole('region', { name: 'vision' });
    expect(within(vision).getByText('тень v2')).toBeTruthy();
    expect(within(vision).getByText('нужно переобучение')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Модели' })).toBeTruthy();
  });
});
