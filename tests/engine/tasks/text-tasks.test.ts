import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import { loadBuiltinDataset } from '../../../engine/data/builtins';
import { type InMemoryDataset, SPLIT } from '../../../engine/data/dataset';
import type { GraphDoc } from '../../../engine/graph/schema';
import { templateGraph } from '../../../engine/templates';
import { evaluateModel } from '../../../engine/train/evaluation';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { resolveSettings } from '../../../engine/train/resolve-settings';
import { trainFromSource } from '../../../engine/train/train-stream';

let tf: typeof tfjs;
let austen: InMemoryDataset;
beforeAll(async () => {
  tf = await nodeTf();
  austen = (await loadBuiltinDataset('austen')) as InMemoryDataset;
});

describe('the built-in Austen sentences', () => {
  it('are 3,000 labelled sentences of word ids with the vocabulary they were made with', () => {
    expect(austen.task).toBe('text-classification');
    expect(austen.classes).toEqual(['Emma', 'Persuasion', 'Pride & Prejudice']);
    expect(austen.featureShape).toEqual([48]);
    expect(austen.split.length).toBe(3000);
    expect(austen.text?.vocabulary).toHaveLength(4000);
    expect(austen.text?.vocabulary.slice(0, 4)).toEqual(['<pad>', '<oov>', ',', '.']);
    const counts = [0, 0, 0];
    for (const s of austen.split) counts[s] = (counts[s] as number) + 1;
    expect(counts).toEqual([2100, 450, 450]);
    expect(austen.features.every((id) => Number.isInteger(id) && id >= 0 && id < 4000)).toBe(true);
    // "Elizabeth" is a frequent word of the training sentences, so it has an id of its own.
    expect(austen.text?.vocabulary).toContain('elizabeth');
  });
});

/** Every `step`-th sample of a set, with its split and encoding. */
function everyNth(dataset: InMemoryDataset, step: number): InMemoryDataset {
  if (step === 1) return dataset;
  const width = dataset.featureShape[0] as number;
  const rows = Array.from({ length: Math.floor(dataset.split.length / step) }, (_, k) => k * step);
  const features = new Float32Array(rows.length * width);
  rows.forEach((row, k) => {
    features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
  });
  return {
    ...dataset,
    features,
    labels: Float32Array.from(rows, (r) => dataset.labels[r] as number),
    split: Uint8Array.from(rows, (r) => dataset.split[r] as number),
  };
}

describe('text templates train on the built-in text set', () => {
  // The LSTM steps through 48 words one at a time (about 85 s an epoch of the whole set on wasm): a tenth of it.
  it.each([
    ['lstm-text', 16, 10],
    ['conv1d-text', 32, 1],
  ])(
    '%s trains one epoch and is evaluated with a confusion matrix',
    async (name, batchSize, step) => {
      const source = inMemoryBatchSource(everyNth(austen, step));
      const prepared = prepareModel(tf, templateGraph(name) as GraphDoc, source, { epochs: 1, batchSize, seed: 5 });
      if (!prepared.ok) throw new Error(prepared.problem);
      expect(prepared.notes.map((n) => n.text).join(' ')).toContain('3 units with softmax');
      const outcome = await trainFromSource(tf, prepared.model, source, { config: prepared.config });
      expect(outcome.epochs).toHaveLength(1);
      expect(Number.isFinite(outcome.epochs[0]?.metrics.loss)).toBe(true);
      const evaluation = await evaluateModel(tf, prepared.model, source);
      expect(evaluation?.kind).toBe('classification');
      if (evaluation?.kind !== 'classification') return;
      expect(evaluation.count).toBe(source.count('test'));
      // Three balanced classes: chance is a third.
      if (name === 'conv1d-text') expect(evaluation.accuracy).toBeGreaterThan(0.4);
      disposeModel(prepared.model);
    },
    120_000,
  );
});

describe('the preflight on text', () => {
  it('catches an Embedding smaller than the vocabulary, on the node, with the size to set', () => {
    const doc = templateGraph('lstm-text') as GraphDoc;
    const embedding = doc.nodes.find((n) => n.type === 'embedding');
    if (!embedding) throw new Error('no embedding');
    embedding.params = { ...embedding.params, inputDim: 1000 };
    const resolved = resolveSettings(doc, { ...austen, task: 'text-classification' });
    const problem = resolved.preflight.find((p) => p.kind === 'vocabulary_size');
    expect(problem?.nodeId).toBe(embedding.id);
    expect(problem?.field).toBe('inputDim');
    expect(problem?.message).toContain('4000 words');
    expect(problem?.hint).toContain('at least 4000');
    expect(resolved.problem).toContain('input size of 1000');
  });

  it('finds nothing to say when the Embedding covers the vocabulary', () => {
    const resolved = resolveSettings(templateGraph('conv1d-text') as GraphDoc, austen);
    expect(resolved.preflight).toEqual([]);
    expect(SPLIT.test).toBe(2);
  });
});
