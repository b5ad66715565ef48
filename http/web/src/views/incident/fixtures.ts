import { IncidentDetail, IncidentList, KnowledgeGraph, RootCauses } from './types';

/** Responses shaped as the node answers them, for the component tests. */
export const LIST: IncidentList = {
  incidents: [
    {
      id: 'F1-crack-1',
      furnace: 'F1',
      defect: 'crack',
      tag: null,
      status: 'closed',
      openedAt: '2026-03-02T09:00:00Z',
      closedAt: '2026-03-02T10:30:00Z',
      topCause: 'lehr-fan-failure',
    },
    {
      id: 'F2-bubble-3',
      furnace: 'F2',
      defect: 'bubble',
      tag: null,
      status: 'open',
      openedAt: '2026-03-03T14:05:00Z',
      closedAt: null,
      topCause: 'burner-degradation',
    },
    {
      id: 'F2-anomaly-2',
      furnace: 'F2',
      defect: 'anomaly',
      tag: 'F2.crown.T3',
      status: 'open',
      openedAt: '2026-03-03T12:00:00Z',
      closedAt: null,
      topCause: null,
    },
  ],
};

export const INCIDENT: IncidentDetail = {
  id: 'F2-bubble-3',
  furnace: 'F2',
  defect: 'bubble',
  tag: null,
  status: 'open',
  openedAt: '2026-03-03T14:05:00Z',
  closedAt: null,
  trigger: 'reject-rate:bubble',
  triggers: ['reject-rate:bubble'],
  topCause: 'burner-degradation',
  analysedAt: '2026-03-03T14:07:00Z',
  analyses: 2,
  feedback: [],
  closedBy: null,
  closeReason: null,
};

/** Causes deliberately out of order: the view ranks them. */
export const ROOTS: RootCauses = {
  incident: 'F2-bubble-3',
  analysedAt: '2026-03-03T14:07:00Z',
  causes: [
    {
      cause: 'batch-moisture',
      score: 0.18,
      path: ['batch-moisture', 'glass-level', 'batch-melting', 'blister'],
      edges: ['INFLUENCES:batch-moisture->glass-level', 'INFLUENCES:glass-level->batch-melting', 'CAUSES:batch-melting->blister'],
      evidence: ['F2.glass.L1 fell 0.4 mm from 13:50'],
      explanation: 'Batch moisture → Glass level → Batch melting → Blisters (graph belief 0.31).',
      physics: null,
      tag: null,
    },
    {
      cause: 'burner-degradation',
      score: 0.64,
      path: ['burner-degradation', 'fining-temperature', 'fining', 'blister'],
      edges: ['INFLUENCES:burner-degradation->fining-temperature', 'INFLUENCES:fining-temperature->fining', 'CAUSES:fining->blister'],
      evidence: ['F2.flue.CO rose 180 ppm from 13:40', 'F2.crown.T2 fell 14 °C'],
      explanation:
        'Burner degradation → Fining temperature → Fining → Blisters (graph belief 0.62). On the twin, with magnitude 0.35 developing over 20 min, it reproduces 82 % of the observed change.',
      physics: 0.82,
      tag: null,
    },
  ],
  similar: [{ id: 'F2-bubble-1', furnace: 'F2', openedAt: '2026-02-20T08:00:00Z', status: 'closed', confirmed: true }],
};

const node = (id: string, kind: string, name: string, nameRu: string) => ({ id, labels: ['Node', kind], name, nameRu });

export const GRAPH: KnowledgeGraph = {
  furnace: 'F2',
  depth: 6,
  nodes: [
    node('F2', 'Furnace', 'F2', 'F2'),
    node('F2.crown', 'Zone', 'Crown', 'Свод'),
    { id: 'F2.crown.T2', labels: ['Node', 'Sensor'], name: null, nameRu: null },
    node('burners', 'Equipment', 'Burners', 'Горелки'),
    node('burner-degradation', 'Fault', 'Burner degradation', 'Деградация горелок'),
    node('batch-moisture', 'Fault', 'Batch moisture', 'Влажность шихты'),
    node('fining-temperature', 'Parameter', 'Fining temperature', 'Температура осветления'),
    node('glass-level', 'Parameter', 'Glass level', 'Уровень стекломассы'),
    node('fining', 'Process', 'Fining', 'Осветление'),
    node('batch-melting', 'Process', 'Batch melting', 'Провар шихты'),
    node('blister', 'Defect', 'Blisters', 'Пузыри'),
  ],
  edges: [
    { from: 'F2', to: 'F2.crown', type: 'HAS_ZONE', sign: null, strength: null, lagMinutes: null },
    { from: 'F2.crown', to: 'F2.crown.T2', type: 'HAS_SENSOR', sign: null, strength: null, lagMinutes: null },
    { from: 'F2.crown.T2', to: 'fining-temperature', type: 'MEASURES', sign: '+', strength: null, lagMinutes: null },
    { from: 'burners', to: 'burner-degradation', type: 'CAN_FAIL_AS', sign: '+', strength: 1, lagMinutes: 0 },
    { from: 'burner-degradation', to: 'fining-temperature', type: 'INFLUENCES', sign: '-', strength: 0.5, lagMinutes: 20 },
    { from: 'fining-temperature', to: 'fining', type: 'INFLUENCES', sign: '-', strength: 0.8, lagMinutes: 10 },
    { from: 'fining', to: 'blister', type: 'CAUSES', sign: '+', strength: 0.9, lagMinutes: 30 },
    { from: 'batch-moisture', to: 'glass-level', type: 'INFLUENCES', sign: '-', strength: 0.7, lagMinutes: 15 },
    { from: 'glass-level', to: 'batch-melting', type: 'INFLUENCES', sign: '+', strength: 0.5, lagMinutes: 20 },
    { from: 'batch-melting', to: 'blister', type: 'CAUSES', sign: '+', strength: 0.6, lagMinutes: 30 },
  ],
};

export const TAG_MAP = 'tag,furnace,unit,min,max,alarmLow,alarmHigh,source,address\nF1.crown.T1,F1,degC,,,,,sim,\nF2.crown.T2,F2,degC,,,,,sim,\nF3.crown.T1,F3,degC,,,,,sim,\n';
