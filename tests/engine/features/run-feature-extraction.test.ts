import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../engine/compile/compile';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { loadBuiltinDataset } from '../../../engine/data/builtins';
import { ClassifierSettingsSchema } from '../../../engine/features/classifier-settings';
import { featureModel } from '../../../engine/features/feature-model';
import { fitInput } from '../../../engine/features/fit-input';
import { runFeatureExtraction } from '../../../engine/features/run-feature-extraction';
import type { GraphDoc } from '../../../engine/graph/schema';
import { trainClassifier } from '../../../server/features/classic-classifier';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A small untrained network on 4 numbers: features of random weights still carry the input's signal. */
const doc: GraphDoc = {
  format: 'netcanvas.graph',
  version: 1,
  nodes: [
    { id: 'in', type: 'input', params: { shape: [4] }, position: { x: 0, y: 0 } },
    { id: 'hidden', type: 'dense', params: { units: 32, activation: 'tanh' }, position: { x: 0, y: 100 } },
    { id: 'out', type: 'dense', params: { units: 3, activation: 'softmax' }, position: { x: 0, y: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'hidden' },
    { id: 'e2', source: 'hidden', target: 'out' },
  ],
};

describe('feature extraction', () => {
  it('takes a hidden layer’s activations for iris in batches, trains k-NN on them and evaluates on the test split', async () => {
    const compiled = compileGraph(tf, doc);
    if (!compiled.ok) throw new Error('does not compile');
    const iris = await loadBuiltinDataset('iris');
    const source = inMemoryBatchSource(iris as NonNullable<typeof iris>);
    const progress: { split: string; done: number; total: number }[] = [];
    const result = await runFeatureExtraction(
      tf,
      { network: compiled.model, layerNames: compiled.layerNames, nodeId: 'hidden' },
      source,
      { classifier: ClassifierSettingsSchema.parse({ kind: 'knn' }), batchSize: 16, train: trainClassifier },
      { progress: (p) => void ('split' in p && progress.push(p)) },
    );
    if (!result.ok || result.cancelled) throw new Error(JSON.stringify(result));
    expect(result.finalMetrics.features).toBe(32);
    expect(result.finalMetrics.trainSamples).toBe(source.count('train'));
    expect(result.evaluation.split).toBe('test');
    expect(result.evaluation.count).toBe(source.count('test'));
    expect(result.evaluation.matrix).toHaveLength(3);
    expect(result.finalMetrics.testAccuracy).toBeGreaterThan(0.7); // chance: 1/3
    // Streamed: one progress report per batch of 16, ending at the split's size.
    const train = progress.filter((p) => p.split === 'train');
    expect(train.length).toBe(Math.ceil(source.count('train') / 16));
    expect(train[train.length - 1]?.done).toBe(source.count('train'));
    compiled.model.dispose();
  });

  it('stops between batches when asked', async () => {
    const compiled = compileGraph(tf, doc);
    if (!compiled.ok) throw new Error('does not compile');
    const iris = await loadBuiltinDataset('iris');
    let batches = 0;
    const result = await runFeatureExtraction(
      tf,
      { network: compiled.model, layerNames: compiled.layerNames, nodeId: 'hidden' },
      inMemoryBatchSource(iris as NonNullable<typeof iris>),
      { classifier: ClassifierSettingsSchema.parse({ kind: 'svm' }), batchSize: 8, train: trainClassifier },
      { progress: () => void batches++, shouldStop: () => batches >= 2 },
    );
    expect(result).toEqual({ ok: true, cancelled: true });
    compiled.model.dispose();
  });

  it('names the problem with a layer that cannot give features', () => {
    const compiled = compileGraph(tf, doc);
    if (!compiled.ok) throw new Error('does not compile');
    expect(featureModel(tf, compiled.model, compiled.layerNames, 'nope')).toEqual({
      ok: false,
      problem: 'The design has no layer "nope" to take features from.',
    });
    expect(featureModel(tf, compiled.model, compiled.layerNames, 'in')).toMatchObject({ ok: false, problem: /after the input/ });
    compiled.model.dispose();
  });
});

describe('fitting samples to the base network’s input', () => {
  it('passes matching shapes through, resizes grey images to RGB, and refuses what is not an image', () => {
    expect(fitInput([28, 28, 1], [28, 28, 1])).toMatchObject({ ok: true, note: null });
    const fit = fitInput([28, 28, 1], [32, 32, 3]);
    if (!fit.ok) throw new Error(fit.problem);
    expect(fit.note).toBe('28×28×1 images resized to 32×32 and made RGB');
    const out = fit.adapt(tf, tf.ones([2, 28, 28, 1]));
    expect(out.shape).toEqual([2, 32, 32, 3]);
    expect(out.max().dataSync()[0]).toBeCloseTo(1, 5);
    out.dispose();
    expect(fitInput([4], [28, 28, 1])).toMatchObject({ ok: false, problem: /samples are \[4\] and cannot be resized/ });
  });
});
