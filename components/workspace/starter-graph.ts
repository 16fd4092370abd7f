import type { GraphDoc } from '@/engine/graph/schema';

/** What the editor shows in a project with no versions yet: a small classifier to edit. */
export const STARTER_GRAPH: GraphDoc = {
  format: 'netcanvas.graph',
  version: 1,
  nodes: [
    { id: 'input', type: 'input', params: { shape: [4] }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'dense', params: { units: 16, activation: 'relu' }, position: { x: 0, y: 120 } },
    { id: 'output', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 240 } },
  ],
  edges: [
    { id: 'e1', source: 'input', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'output' },
  ],
};
