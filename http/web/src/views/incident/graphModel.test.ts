import { describe, expect, it } from 'vitest';
import { GRAPH, ROOTS } from './fixtures';
import { causalSubgraph, COLUMN_GAP, highlightOf, layeredPositions } from './graphModel';
import { twinFitOf } from './twinFit';

describe('cause graph model', () => {
  it('lights the path’s nodes and the edges the cause names', () => {
    const h = highlightOf(ROOTS.causes[1], GRAPH.edges);
    expect([...h.nodes]).toEqual(['burner-degradation', 'fining-temperature', 'fining', 'blister']);
    expect([...h.edges].sort()).toEqual([
      'CAUSES:fining->blister',
      'INFLUENCES:burner-degradation->fining-temperature',
      'INFLUENCES:fining-temperature->fining',
    ]);
  });

  it('lights a hop that runs against an edge (a sensor measuring its parameter)', () => {
    const cause = { ...ROOTS.causes[1], path: ['burner-degradation', 'fining-temperature', 'F2.crown.T2'], edges: [] };
    expect(highlightOf(cause, GRAPH.edges).edges.has('MEASURES:F2.crown.T2->fining-temperature')).toBe(true);
  });

  it('continues the path to the sensor an anomaly is about', () => {
    const cause = { ...ROOTS.causes[1], path: ['burner-degradation', 'fining-temperature'], edges: [] };
    const h = highlightOf(cause, GRAPH.edges, 'F2.crown.T2');
    expect(h.nodes.has('F2.crown.T2')).toBe(true);
    expect(h.edges.has('MEASURES:F2.crown.T2->fining-temperature')).toBe(true);
  });

  it('draws the whole causal graph with only the sensors and equipment asked for, never zones or the furnace', () => {
    const whole = causalSubgraph(GRAPH, new Set(), true).nodes.map((n) => n.id);
    expect(whole).toContain('glass-level');
    expect(whole).not.toContain('F2.crown.T2');
    expect(whole).not.toContain('burners');
    expect(whole).not.toContain('F2.crown');
    const withSensor = causalSubgraph(GRAPH, new Set(['F2.crown.T2']), true);
    expect(withSensor.edges.map((e) => e.type)).toContain('MEASURES');
  });

  it('draws only the causes’ paths unless the whole graph is asked for', () => {
    const paths = causalSubgraph(GRAPH, new Set(ROOTS.causes[1].path), false);
    expect(paths.nodes.map((n) => n.id).sort()).toEqual(['blister', 'burner-degradation', 'fining', 'fining-temperature']);
    expect(paths.edges).toHaveLength(3);
  });

  it('lays the causal flow out left to right by kind', () => {
    const at = layeredPositions(causalSubgraph(GRAPH, new Set(['burners']), true).nodes, 'en');
    expect(at.get('burners')?.x).toBe(0);
    expect(at.get('burner-degradation')?.x).toBe(COLUMN_GAP);
    expect(at.get('fining-temperature')?.x).toBe(2 * COLUMN_GAP);
    expect(at.get('fining')!.x).toBeGreaterThan(at.get('fining-temperature')!.x);
    expect(at.get('blister')!.x).toBeGreaterThan(at.get('fining')!.x);
  });

  it('reads the twin’s fitted magnitude from the explanation', () => {
    expect(twinFitOf(ROOTS.causes[1].explanation)).toEqual({ magnitude: 0.35, rampMinutes: 20 });
    expect(twinFitOf(ROOTS.causes[0].explanation)).toBeNull();
    expect(twinFitOf('with magnitude -1.2e-3 developing over 5 min')).toEqual({ magnitude: -0.0012, rampMinutes: 5 });
  });
});
