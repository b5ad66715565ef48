import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { AlarmPanel } from './AlarmPanel';
import { furnaceView, problem, signInAs, stubFetch } from './testing';

const alarms = furnaceView().alarms;

describe('AlarmPanel', () => {
  beforeEach(() => {
    setLang('en');
    signInAs('operator');
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists only active alarms and acknowledges one at its URL', async () => {
    const calls = stubFetch([['/api/furnaces/F1/alarms/', { status: 'accepted', detail: 'alarm model:defect-risk acknowledged' }]]);
    const changed = vi.fn();
    render(<AlarmPanel furnace="F1" alarms={alarms} onChanged={changed} />);
    expect(screen.queryByText('crown T1 high')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Acknowledge defect risk 21.0 (alert above 16.6)' }));
    expect(await screen.findByText('alarm model:defect-risk acknowledged')).toBeTruthy();
    expect(calls).toEqual([{ method: 'POST', url: '/api/furnaces/F1/alarms/model%3Adefect-risk/ack', body: {} }]);
    expect(changed).toHaveBeenCalled();
  });

  it('shows the problem when the acknowledge is refused', async () => {
    stubFetch([['/api/furnaces/F1/alarms/', problem(403, 'forbidden', 'needs the operator role')]]);
    render(<AlarmPanel furnace="F1" alarms={alarms} onChanged={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /Acknowledge/ }));
    expect((await screen.findByRole('alert')).textContent).toContain('needs the operator role');
  });

  it('has a designed empty state, in both languages', () => {
    render(<AlarmPanel furnace="F1" alarms={[]} onChanged={() => {}} />);
    expect(screen.getByText('No active alarms')).toBeTruthy();
    cleanup();
    setLang('ru');
    render(<AlarmPanel furnace="F1" alarms={[]} onChanged={() => {}} />);
    expect(screen.getByText('Активных тревог нет')).toBeTruthy();
  });
});
