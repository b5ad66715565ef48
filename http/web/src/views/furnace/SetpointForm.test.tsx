import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseTagMap } from '../../api/plant';
import { setLang } from '../../i18n/i18n';
import { SetpointForm } from './SetpointForm';
import { SetpointsPanel } from './SetpointsPanel';
import { furnaceView, problem, signInAs, stubFetch, TAG_MAP } from './testing';

const tags = parseTagMap(TAG_MAP).tags;

function fill(parameter: string, value: string, reason: string) {
  fireEvent.change(screen.getByLabelText('Parameter'), { target: { value: parameter } });
  fireEvent.input(screen.getByLabelText('New value'), { target: { value } });
  fireEvent.input(screen.getByLabelText('Reason (recorded with the change)'), { target: { value: reason } });
}

describe('SetpointForm', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('operator');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('posts the parameter, the value and the reason, and shows the answer', async () => {
    const calls = stubFetch([['/api/furnaces/F1/setpoints', { status: 'accepted', detail: 'pullRate of F1 set to 310' }]]);
    const changed = vi.fn();
    render(<SetpointForm furnace="F1" view={furnaceView()} tags={tags} onChanged={changed} />);
    fill('pullRate', '310', ' more pull for the new job ');
    expect(screen.getByText(/range 100.0 – 400.0 t\/day, now 300.00/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Send to the plant' }));
    expect(await screen.findByText('pullRate of F1 set to 310')).toBeTruthy();
    expect(calls).toEqual([
      { method: 'POST', url: '/api/furnaces/F1/setpoints', body: { parameter: 'pullRate', value: 310, reason: 'more pull for the new job' } },
    ]);
    expect(changed).toHaveBeenCalled();
  });

  it('shows the problem the node answers', async () => {
    stubFetch([['/api/furnaces/F1/setpoints', problem(409, 'conflict', 'F1 is autonomous: the optimizer owns its setpoints')]]);
    render(<SetpointForm furnace="F1" view={furnaceView()} tags={tags} onChanged={() => {}} />);
    fill('pullRate', '320', 'test');
    fireEvent.click(screen.getByRole('button', { name: 'Send to the plant' }));
    expect((await screen.findByRole('alert')).textContent).toContain('F1 is autonomous: the optimizer owns its setpoints');
  });

  it('keeps a value outside the setpoint limits from being sent', () => {
    const calls = stubFetch([]);
    render(<SetpointForm furnace="F1" view={furnaceView()} tags={tags} onChanged={() => {}} />);
    fill('pullRate', '900', 'test');
    fireEvent.click(screen.getByRole('button', { name: 'Send to the plant' }));
    expect(calls).toEqual([]);
  });

  it('is closed to a viewer', () => {
    signInAs('viewer');
    stubFetch([]);
    render(<SetpointForm furnace="F1" view={furnaceView()} tags={tags} onChanged={() => {}} />);
    fill('pullRate', '310', 'x');
    expect((screen.getByRole('button', { name: 'Send to the plant' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Changing setpoints needs the operator or integrator role.')).toBeTruthy();
  });
});

describe('SetpointsPanel', () => {
  afterEach(cleanup);

  it('shows each setpoint with who changed it, why, and whether it was written', () => {
    setLang('en');
    render(<SetpointsPanel furnace="F1" view={furnaceView()} tags={tags} onChanged={() => {}} />);
    const row = screen.getByRole('row', { name: /Crown temperature/ });
    expect(row.textContent).toContain('1,560.00');
    expect(row.textContent).toContain('boris');
    expect(row.textContent).toContain('seeds on line 2');
    expect(row.querySelector('.badge.ok')!.textContent).toBe('written');
    expect(screen.getByRole('row', { name: /Pull rate/ }).textContent).toContain('not changed here');
  });

  it('speaks Russian', () => {
    setLang('ru');
    render(<SetpointsPanel furnace="F1" view={furnaceView()} tags={tags} onChanged={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Уставки' })).toBeTruthy();
    expect(screen.getByRole('row', { name: /Температура свода/ }).querySelector('.badge.ok')!.textContent).toBe('записано');
  });
});
