import { beforeAll, describe, expect, it } from 'vitest';
import { type Backend, expectClose, on, seeded, setUpWasm, tf } from './helpers';

beforeAll(() => setUpWasm(false));

interface Fixture {
  name: string;
  build: () => tf.Sequential;
  x: { shape: number[]; values: Float32Array; dtype: 'float32' | 'int32' };
  /** One-hot labels. */
  y: { shape: number[]; values: Float32Array };
}

function oneHot(labels: number[], classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  labels.forEach((label, i) => {
    out[i * classes + label] = 1;
  });
  return out;
}

/** conv2d → maxPooling → depthwiseConv2d → flatten → dense, on 12×12×2 images labelled by which region is brightest. */
function cnnFixture(): Fixture {
  const n = 48;
  const values = seeded([n, 12, 12, 2], 41);
  const labels = Array.from({ length: n }, (_, i) => {
    const at = (r: number, c: number, ch: number) => values[((i * 12 + r) * 12 + c) * 2 + ch]!;
    const region = [0, 0, 0];
    for (let r = 0; r < 12; r++) {
      for (let c = 0; c < 12; c++) {
        region[r < 6 ? 0 : 1]! += at(r, c, 0);
        region[2]! += at(r, c, 1) / 2;
      }
    }
    return region.indexOf(Math.max(...region));
  });
  return {
    name: 'conv2d → maxPooling2d → depthwiseConv2d → flatten → dense',
    build: () =>
      tf.sequential({
        layers: [
          tf.layers.conv2d({ inputShape: [12, 12, 2], filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' }),
          tf.layers.maxPooling2d({ poolSize: 2 }),
          tf.layers.depthwiseConv2d({ kernelSize: 3, depthMultiplier: 2, strides: 1, activation: 'relu' }),
          tf.layers.flatten(),
          tf.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      }),
    x: { shape: [n, 12, 12, 2], values, dtype: 'float32' },
    y: { shape: [n, 3], values: oneHot(labels, 3) },
  };
}

/** embedding → lstm → dense on sequences of 6 ids from 50, labelled by whether most ids are below 25. */
function embeddingFixture(): Fixture {
  const n = 64;
  const ids = Float32Array.from(seeded([n, 6], 42), (v) => Math.floor(((v + 1) / 2) * 50));
  const labels = Array.from({ length: n }, (_, i) => (ids.slice(i * 6, i * 6 + 6).filter((id) => id < 25).length > 3 ? 1 : 0));
  return {
    name: 'embedding → lstm → dense',
    build: () =>
      tf.sequential({
        layers: [
          tf.layers.embedding({ inputDim: 50, outputDim: 8, inputLength: 6 }),
          tf.layers.lstm({ units: 8 }),
          tf.layers.dense({ units: 2, activation: 'softmax' }),
        ],
      }),
    x: { shape: [n, 6], values: ids, dtype: 'int32' },
    y: { shape: [n, 2], values: oneHot(labels, 2) },
  };
}

/** The fixture's model with the same seeded weights on whichever backend is active. */
function buildSeeded(fixture: Fixture): tf.Sequential {
  const model = fixture.build();
  const init = model.getWeights().map((w, i) => tf.mul(tf.tensor(seeded(w.shape, 100 + i), w.shape), 0.4));
  model.setWeights(init);
  tf.dispose(init);
  return model;
}

function data(fixture: Fixture, from = 0, count = fixture.x.shape[0]!) {
  const xRow = fixture.x.values.length / fixture.x.shape[0]!;
  const yRow = fixture.y.values.length / fixture.y.shape[0]!;
  return {
    x: tf.tensor(fixture.x.values.slice(from * xRow, (from + count) * xRow), [count, ...fixture.x.shape.slice(1)], fixture.x.dtype),
    y: tf.tensor(fixture.y.values.slice(from * yRow, (from + count) * yRow), [count, ...fixture.y.shape.slice(1)]),
  };
}

/**
 * Weights after one SGD batch of 16, starting from the seeded weights. Building and disposing a
 * tf.layers model keeps a few tensors of its own (on any backend), so leaks are checked in the
 * training test instead, across steps.
 */
function weightsAfterOneBatch(backend: Backend, fixture: Fixture): Promise<{ before: Float32Array[]; after: Float32Array[] }> {
  return on(
    backend,
    async () => {
      const model = buildSeeded(fixture);
      const optimizer = tf.train.sgd(0.5);
      model.compile({ optimizer, loss: 'categoricalCrossentropy' });
      const { x, y } = data(fixture, 0, 16);
      const before = await Promise.all(model.getWeights().map((w) => w.data<'float32'>()));
      await model.trainOnBatch(x, y);
      const after = await Promise.all(model.getWeights().map((w) => w.data<'float32'>()));
      tf.dispose([x, y]);
      optimizer.dispose();
      model.dispose();
      return { before, after };
    },
    false,
  );
}

for (const fixture of [cnnFixture(), embeddingFixture()]) {
  describe(`${fixture.name} with tf.layers`, () => {
    it('takes the same first SGD step on wasm as on cpu', async () => {
      const cpu = await weightsAfterOneBatch('cpu', fixture);
      const wasm = await weightsAfterOneBatch('wasm', fixture);
      expect(wasm.after.length).toBe(cpu.after.length);
      const step = (r: { before: Float32Array[]; after: Float32Array[] }, i: number) => r.after[i]!.map((w, k) => w - r.before[i]![k]!);
      for (const [i, w] of wasm.after.entries()) {
        expectClose(wasm.before[i]!, cpu.before[i]!, 0, `initial weight ${i}`);
        expectClose(w, cpu.after[i]!, 1e-4, `weight ${i}`);
        // The update itself, so a weight the step left alone cannot pass by matching its start.
        expect(Math.max(...step(cpu, i).map(Math.abs)), `weight ${i} moved`).toBeGreaterThan(0);
        expectClose(step(wasm, i), step(cpu, i), 1e-3, `update of weight ${i}`);
      }
    });

    it('trains for 3 epochs on wasm with falling loss and no leaked tensors', async () => {
      await tf.setBackend('wasm');
      const model = buildSeeded(fixture);
      const optimizer = tf.train.adam(0.01);
      model.compile({ optimizer, loss: 'categoricalCrossentropy' });
      const { x, y } = data(fixture);
      // The first step creates the optimizer's slots; after that, training must not add tensors.
      const warm = data(fixture, 0, 4);
      await model.trainOnBatch(warm.x, warm.y);
      tf.dispose([warm.x, warm.y]);
      const tensors = tf.memory().numTensors;

      const history = await model.fit(x, y, { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
      expect(tf.memory().numTensors).toBe(tensors);
      const loss = history.history.loss as number[];
      expect(loss).toHaveLength(3);
      expect(loss[1]).toBeLessThan(loss[0]!);
      expect(loss[2]).toBeLessThan(loss[1]!);
      tf.dispose([x, y]);
      optimizer.dispose();
      model.dispose();
    });
  });
}
