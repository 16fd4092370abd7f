import { describe, expect, it } from 'vitest';
import { changeWords, keyWords, pathWords, summaryWords, valueWords } from '@/engine/graph/change-words';
import { diffGraphs } from '@/engine/graph/diff';
import type { GraphDoc } from '@/engine/graph/schema';

describe('changes in words', () => {
  it.each([
    [{ path: 'params.units', kind: 'changed', before: 120, after: 100 }, 'Units: 120 → 100'],
    [{ path: 'params.kernelSize', kind: 'changed', before: [3, 3], after: [5, 5] }, 'Kernel size: 3, 3 → 5, 5'],
    [{ path: 'params.activation', kind: 'changed', before: 'relu', after: 'tanh' }, 'Activation: relu → tanh'],
    [{ path: 'params.kernelRegularizer.l2', kind: 'added', after: 0.01 }, 'Kernel regularizer › L2: set to 0.01'],
    [{ path: 'params.useBias', kind: 'removed', before: false }, 'Use bias: back to its default (was no)'],
    [{ path: 'training.learningRate', kind: 'changed', before: 0.001, after: 0.01 }, 'Learning rate: 0.001 → 0.01'],
    [{ path: 'groupId', kind: 'added', after: 'block 1' }, 'Group: set to block 1'],
    [{ path: 'params.shape', kind: 'changed', before: [null, 4], after: [8, 4] }, 'Shape: None, 4 → 8, 4'],
  ] as const)('%o reads "%s"', (change, words) => {
    expect(changeWords(change)).toBe(words);
  });

  it('turns keys and values into words', () => {
    expect(keyWords('learningRate')).toBe('Learning rate');
    expect(pathWords('trainable')).toBe('Trainable');
    expect(valueWords({ l2: 0.1 })).toBe('{"l2":0.1}');
    expect(valueWords(undefined)).toBe('—');
  });

  it('counts layers and connections apart in the summary', () => {
    const node = (id: string, units: number) => ({ id, type: 'dense', params: { units }, position: { x: 0, y: 0 } });
    const before: GraphDoc = {
      format: 'netcanvas.graph',
      version: 1,
      nodes: [{ id: 'in', type: 'input', params: { shape: [4] }, position: { x: 0, y: 0 } }, node('a', 8), node('b', 2)],
      edges: [
        { id: 'in->a', source: 'in', target: 'a' },
        { id: 'a->b', source: 'a', target: 'b' },
      ],
    };
    const after: GraphDoc = {
      ...before,
      nodes: [...before.nodes.slice(0, 2), node('b', 3), node('c', 3)],
      edges: [...before.edges, { id: 'b->c', source: 'b', target: 'c' }],
    };
    expect(summaryWords(diffGraphs(before, after).summary)).toBe('1 layer added · 1 layer changed · 1 connection added');
    expect(summaryWords(diffGraphs(before, before).summary)).toBe('No differences');
  });
});
