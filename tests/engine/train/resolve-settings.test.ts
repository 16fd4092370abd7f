import { describe, expect, it } from 'vitest';
import { templateGraph } from '../../../engine/templates';
import { resolveSettings } from '../../../engine/train/resolve-settings';

const mlp = () => templateGraph('mlp') as NonNullable<ReturnType<typeof templateGraph>>;
const notes = (r: ReturnType<typeof resolveSettings>) => r.notes.map((n) => n.text);

/** The settings a run uses, from the graph and the dataset, and why — in words for the Train tab. */
describe('resolveSettings', () => {
  it('fits input and output to the data and explains the loss by the class count', () => {
    const graph = { ...mlp(), training: {} };
    const r = resolveSettings(graph, { name: 'digits-ish', task: 'classification', featureShape: [4], classes: ['a', 'b', 'c', 'd', 'e'] });
    expect(r.problem).toBeUndefined();
    expect(notes(r)).toContain('The input will be adapted from 2 numbers to 4 numbers to match digits-ish.');
    expect(notes(r).some((t) => /set to 5 units with softmax: one per class/.test(t))).toBe(true);
    expect(notes(r)).toContain('Loss: categorical cross-entropy, because the labels are 5 classes.');
    expect(r.config).toMatchObject({ loss: 'categoricalCrossentropy', optimizer: 'adam', epochs: 10 });
    const output = r.doc.nodes.find((n) => n.id === 'dense_3');
    expect(output?.params).toMatchObject({ units: 5, activation: 'softmax' });
  });

  it('turns a classifier into a regressor for numeric targets', () => {
    const r = resolveSettings(mlp(), { name: 'prices', task: 'regression', featureShape: [10], labelSize: 1 });
    expect(r.config).toMatchObject({ loss: 'meanSquaredError', metrics: ['mae'] });
    expect(r.doc.nodes.find((n) => n.id === 'dense_3')?.params).toMatchObject({ units: 1, activation: 'linear' });
    expect(notes(r)).toContain('Loss: mean squared error, because the labels are numbers (regression).');
  });

  it('keeps what the graph chose, and what the user typed over both', () => {
    const graph = { ...mlp(), training: { loss: 'sparseCategoricalCrossentropy' as const, epochs: 7 } };
    const shape = { name: 'spiral', task: 'classification' as const, featureShape: [2], classes: ['1', '2', '3'] };
    const r = resolveSettings(graph, shape, { epochs: 3, learningRate: 0.05 });
    expect(r.config).toMatchObject({ loss: 'sparseCategoricalCrossentropy', epochs: 3, learningRate: 0.05 });
    expect(notes(r)).toContain('Loss: sparse categorical cross-entropy, as the graph sets it.');
    expect(resolveSettings(graph, shape, { loss: 'categoricalCrossentropy' }).notes.find((n) => n.field === 'loss')?.text).toBe(
      'Loss: categorical cross-entropy, as you chose.',
    );
  });

  it('says why a graph cannot train on a dataset', () => {
    const graph = mlp();
    const twoInputs = {
      ...graph,
      nodes: [...graph.nodes, { id: 'extra', type: 'input', params: { shape: [3] }, position: { x: 0, y: 0 } }],
    };
    const r = resolveSettings(twoInputs, { name: 'spiral', task: 'classification', featureShape: [2], classes: ['a', 'b', 'c'] });
    expect(r.problem).toMatch(/2 inputs/);
  });
});
