import { describe, expect, it } from 'vitest';
import { match } from './router';

describe('router', () => {
  it('gives every view its own address', () => {
    expect(match('/')).toEqual({ name: 'overview', params: {} });
    expect(match('/furnaces/F2')).toEqual({ name: 'furnace', params: { furnace: 'F2' } });
    expect(match('/furnaces/F2/explanations')).toEqual({ name: 'explanations', params: { furnace: 'F2' } });
    expect(match('/twin/F1/')).toEqual({ name: 'twin', params: { furnace: 'F1' } });
    expect(match('/incidents/F2-crack-3')).toEqual({ name: 'incident', params: { id: 'F2-crack-3' } });
    expect(match('/incidents/F2-anomaly-F2.flue.T-1').params.id).toBe('F2-anomaly-F2.flue.T-1');
    expect(match('/nowhere').name).toBe('not-found');
  });
});
