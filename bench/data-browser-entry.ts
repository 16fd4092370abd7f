/**
 * Bundled by bench/data.ts for Chromium: streams one epoch of a dataset version through
 * httpBatchSource into a small TF.js model and samples the JS heap as it goes.
 */
import * as tf from '@tensorflow/tfjs';
import type { DatasetLocation } from '../components/datasets/dataset-endpoints';
import { httpBatchSource } from '../components/datasets/http-batch-source';

declare global {
  interface Window {
    streamEpoch(at: DatasetLocation, token: string, batchSize: number): Promise<unknown>;
  }
}

const heap = () => (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;

window.streamEpoch = async (at, token, batchSize) => {
  await tf.setBackend('webgl').catch(() => tf.setBackend('cpu'));
  await tf.ready();
  const source = await httpBatchSource(at, { headers: { authorization: `Bearer ${token}` } });
  const classes = source.classes?.length ?? 2;
  const model = tf.sequential({
    layers: [
      tf.layers.flatten({ inputShape: source.featureShape }),
      tf.layers.dense({ units: 64, activation: 'relu' }),
      tf.layers.dense({ units: classes, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'sparseCategoricalCrossentropy', metrics: ['accuracy'] });
  const heapBefore = heap();
  const tensorsBefore = tf.memory().numTensors;
  let peak = heapBefore;
  let samples = 0;
  let steps = 0;
  let loss = 0;
  const started = performance.now();
  for await (const batch of source.batches('train', { batchSize, shuffleSeed: 1 })) {
    const x = tf.tensor(batch.features, [batch.size, ...source.featureShape]);
    const y = tf.tensor1d(batch.labels, 'float32');
    const result = await model.trainOnBatch(x, y);
    loss = Array.isArray(result) ? (result[0] as number) : (result as number);
    x.dispose();
    y.dispose();
    samples += batch.size;
    if (++steps % 20 === 0) peak = Math.max(peak, heap());
  }
  const seconds = (performance.now() - started) / 1000;
  const result = {
    backend: tf.getBackend(),
    samples,
    steps,
    seconds,
    samplesPerSecond: samples / seconds,
    loss,
    heapBefore,
    heapPeak: peak,
    heapAfter: heap(),
    tensorsBefore,
    tensorsAfter: tf.memory().numTensors,
    trainCount: source.count('train'),
  };
  model.dispose();
  return result;
};
