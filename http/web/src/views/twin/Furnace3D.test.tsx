import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '../../i18n/i18n';
import { Furnace3D, hasWebGL } from './Furnace3D';

const READINGS = {
  'insp.inspected': { value: 300, at: 0 },
  'insp.reject.bubble': { value: 1.5, at: 0 },
  'insp.reject.crack': { value: 0.6, at: 0 },
};

describe('Furnace3D without WebGL', () => {
  beforeEach(() => {
    setLang('en');
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows the empty state instead of a canvas, and still lists the reject rates', () => {
    expect(hasWebGL()).toBe(false);
    render(<Furnace3D furnace="F1" estimate={{ crownC: 1550 }} readings={READINGS} />);
    const box = screen.getByTestId('twin-3d');
    expect(box.getAttribute('data-phase')).toBe('unavailable');
    expect(box.querySelector('canvas')).toBeNull();
    expect(screen.getByText('3D is not available in this browser')).toBeTruthy();
    expect(screen.queryByTestId('twin-rotate')).toBeNull();
    expect(screen.getByText('Bubbles · fining zone')).toBeTruthy();
    expect(screen.getByText('5.0 per 1000')).toBeTruthy();
    expect(screen.getByText('2.0 per 1000')).toBeTruthy();
  });

  it('says so in Russian', () => {
    setLang('ru');
    render(<Furnace3D furnace="F1" estimate={undefined} readings={{}} />);
    expect(screen.getByText('3D недоступно в этом браузере')).toBeTruthy();
    expect(screen.getByText('Данных контроля ещё нет.')).toBeTruthy();
  });
});
