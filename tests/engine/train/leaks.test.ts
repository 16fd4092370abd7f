import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { registerWasmGradientKernels } from '../../../engine/backends';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import type { InMemoryDataset } from '../../../engine/data/dataset';
import { spiral } from '../../../engine/data/generated';
import { templateGraph } from '../../../engine/templates';
import { decodeCheckpoint, encodeCheckpoint, restoreCheckpoint } from '../../../engine/train/checkpoint';
import { evaluateModel } from '../../../engine/train/evaluation';
import { disposeModel, prepareModel } from '../../../engine/train/prepare-model';
import { trainFromSource } from '../../../engine/train/train-stream';

/** Tiny 8×8 "images" for the LeNet-like CNN path (convolutions, pooling, their gradients). */
function images(): InMemoryDataset {
  const n = 64;
  const features = new Float32Array(n * 64);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 2;
    for (let p = 0; p < 64; p++) features[i * 64 + p] = (i % 2 === 0 ? p % 8 : Math.floor(p / 8)) / 8;
  }
  return {
    name: 'stripes',
    source: 'test',
    task: 'classification',
    featureShape: [8, 8, 1],
    features,
    labels,
    labelSize: 1,
    classes: ['vertical', 'horizontal'],
    split: Uint8Array.from({ length: n }, (_, i) => (i % 8 === 0 ? 1 : i % 8 === 1 ? 2 : 0)),
  };
}

const cnn = {
  format: 'netcanvas.graph' as const,
  version: 1,
  nodes: [
    { id: 'in', type: 'input', params: { shape: [8, 8, 1] }, position: { x: 0, y: 0 } },
    { id: 'c', type: 'conv2d', params: { filters: 4, kernelSize: 3, activation: 'relu' }, position: { x: 0, y: 0 } },
    { id: 'p', type: 'maxPooling2d', params: { poolSize: 2 }, position: { x: 0, y: 0 } },
    { id: 'f', type: 'flatten', params: {}, position: { x: 0, y: 0 } },
    { id: 'o', type: 'dense', params: { units: 2, activation: 'softmax' }, position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'in', target: 'c' },
    { id: 'e2', source: 'c', target: 'p' },
    { id: 'e3', source: 'p', target: 'f' },
    { id: 'e4', source: 'f', target: 'o' },
  ],
};

/**
 * No tensor leaks: a whole run — compile, train with validation and keep-best, checkpoint and
 * restore, evaluate, dispose — leaves `tf.memory().numTensors` where it started, on cpu and wasm.
 */
describe.each(['cpu', 'wasm'] as const)('no tensor leaks on %s', (backend) => {
  it.each([
    ['an MLP on the spiral', templateGraph('mlp'), inMemoryBatchSource(spiral({ samples: 120 }))],
    ['a CNN on images', cnn, inMemoryBatchSource(images())],
  ] as const)('%s', async (_, graph, source) => {
    if (backend === 'wasm') registerWasmGradientKernels(tf, { replaceConv2DBackpropInput: true });
    await tf.setBackend(backend);
    await tf.ready();
    const baseline = tf.memory().numTensors;
    const prepared = prepareModel(tf, graph as never, source, { epochs: 3, batchSize: 16, keepBest: true });
    if (!prepared.ok) throw new Error(prepared.problem);
    let checkpoint: Uint8Array | null = null;
    await trainFromSource(tf, prepared.model, source, {
      config: prepared.config,
      onEpochEnd: async (record, ctx) => {
        checkpoint = await encodeCheckpoint(tf, ctx.model, record.epoch, ctx.tracker, ctx.bestWeights);
      },
    });
    await evaluateModel(tf, prepared.model, source);
    disposeModel(prepared.model);
    expect(tf.memory().numTensors).toBe(baseline);

    // Resuming from the checkpoint is leak-free too.
    const again = prepareModel(tf, graph as never, source, { epochs: 4, batchSize: 16, keepBest: true });
    if (!again.ok) throw new Error(again.problem);
    const restored = await restoreCheckpoint(tf, again.model, decodeCheckpoint(tf, checkpoint as unknown as Uint8Array));
    await trainFromSource(tf, again.model, source, { config: again.config, ...restored });
    disposeModel(again.model);
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
