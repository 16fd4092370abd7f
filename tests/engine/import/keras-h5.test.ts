import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { DIAGNOSTIC_CODES, type Diagnostic } from '../../../engine/diagnostics';
import type { GraphDoc } from '../../../engine/graph/schema';
import { importKerasH5, importModel, importTopology } from '../../../engine/import/import-model';
import { isHdf5, type KerasH5Layer, readKerasH5, readKerasH5Weights } from '../../../engine/import/keras-h5';
import { kerasH5Weights } from '../../../engine/import/keras-h5-weights';
import { concatLast, flip, transpose, type WeightArray } from '../../../engine/import/weight-arrays';
import { MODELS } from '../../support/fixtures';

/**
 * Keras HDF5 files written by tests/fixtures-made/make-keras-h5.py in the layouts Keras 1, Keras 2.2
 * and tf.keras write, with the outputs the original models compute (numpy): an imported model must
 * predict the same.
 */
const DIR = new URL('../../fixtures-made/keras-h5/', import.meta.url).pathname;
const read = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

interface Expected {
  kerasVersion: string;
  totalParams: number;
  trainableParams: number;
  layers: string[];
  inputs: { shape: number[]; data: number[] }[];
  outputs: { shape: number[]; data: number[] }[];
}
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<string, Expected>;
const MODEL_FILES = Object.keys(EXPECTED);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

// jsfive warns on the console about attribute types it cannot decode, which damaged files produce.
const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
afterAll(() => warn.mockRestore());

const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === 'error');

/** Compiles the doc, loads the weights and returns the predictions for the recorded inputs. */
function predictWith(doc: GraphDoc, weights: tf.NamedTensorMap, expected: Expected) {
  const compiled = compileGraph(tf, doc);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const assigned = assignWeights(compiled.model, weights);
  const inputs = expected.inputs.map((x) => tf.tensor(x.data, x.shape));
  const outputs = [compiled.model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)].flat() as tf.Tensor[];
  const result = {
    assigned,
    weightCount: compiled.model.weights.length,
    countParams: compiled.model.countParams(),
    shapes: outputs.map((o) => o.shape),
    maxError: Math.max(...outputs.map((o, i) => maxAbsDiff(o, expected.outputs[i]?.data ?? []))),
  };
  tf.dispose([...inputs, ...outputs]);
  compiled.model.dispose();
  return result;
}

function maxAbsDiff(tensor: tf.Tensor, expected: number[]): number {
  const values = Array.from(tensor.dataSync());
  return values.reduce((m, v, i) => Math.max(m, Math.abs(v - (expected[i] ?? Number.NaN))), 0);
}

describe('Keras HDF5 model files import with their weights', () => {
  for (const file of MODEL_FILES) {
    it(`${file}: the layers and parameters of the original, and its predictions`, async () => {
      const expected = EXPECTED[file] as Expected;
      const imported = await importModel(tf, read(file));
      expect(imported.ok, JSON.stringify(imported.diagnostics)).toBe(true);
      expect(imported.kind).toBe('keras-h5');
      expect(imported.kerasVersion).toBe(expected.kerasVersion);
      const doc = imported.doc as GraphDoc;
      const analysis = analyse(doc);
      expect(errorsOf([...imported.diagnostics, ...analysis.diagnostics])).toEqual([]);
      expect(imported.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
      expect(doc.nodes.map((n) => n.name)).toEqual(expected.layers);
      expect(analysis.totals.params).toBe(expected.totalParams);
      expect(analysis.totals.trainableParams).toBe(expected.trainableParams);
      const weights = imported.weights as tf.NamedTensorMap;
      const result = predictWith(doc, weights, expected);
      expect(result.assigned.diagnostics).toEqual([]);
      expect(result.assigned.assigned).toBe(result.weightCount);
      expect(result.countParams).toBe(expected.totalParams);
      expect(result.shapes).toEqual(expected.outputs.map((o) => o.shape));
      expect(result.maxError).toBeLessThan(1e-4);
      tf.dispose(Object.values(weights));
    });
  }

  it('keeps the training settings the file recorded', async () => {
    const keras2 = await importKerasH5(read('mlp-keras2.h5'), { weights: false });
    expect(keras2.doc?.training).toMatchObject({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    const keras1 = await importKerasH5(read('cnn-keras1.h5'), { weights: false });
    expect(keras1.doc?.training).toMatchObject({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    expect(keras1.doc?.training?.learningRate).toBeCloseTo(0.01, 6);
  });

  it('names the weights as the TF.js layers do, Keras 1 names and tf.keras cell scopes included', async () => {
    const bilstm = await importKerasH5(read('bilstm-tf-keras.h5'));
    expect(Object.keys(bilstm.weightArrays ?? {})).toEqual([
      'bidirectional/forward_lstm/kernel',
      'bidirectional/forward_lstm/recurrent_kernel',
      'bidirectional/forward_lstm/bias',
      'bidirectional/backward_lstm/kernel',
      'bidirectional/backward_lstm/recurrent_kernel',
      'bidirectional/backward_lstm/bias',
      'dense/kernel',
      'dense/bias',
    ]);
    const keras1 = await importKerasH5(read('cnn-keras1.h5'));
    const arrays = keras1.weightArrays ?? {};
    expect(Object.keys(arrays)).toContain('batchnormalization_1/moving_variance');
    // (filters, stack, rows, cols) in the file; (rows, cols, stack, filters) for TF.js.
    expect(arrays['convolution2d_1/kernel']?.shape).toEqual([3, 3, 1, 2]);
  });

  it('reads only the architecture when weights are not wanted, and makes no tensors without TF.js', async () => {
    const topology = await importKerasH5(read('cnn-tf-keras.h5'), { weights: false });
    expect(topology.ok).toBe(true);
    expect(topology.weightArrays).toBeUndefined();
    const before = tf.memory().numTensors;
    const imported = await importModel(null, read('cnn-tf-keras.h5'));
    expect(imported.ok).toBe(true);
    expect(imported.weights).toBeUndefined();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('accepts an ArrayBuffer as well as a Uint8Array view into a larger buffer', async () => {
    const bytes = read('mlp-keras2.h5');
    const padded = new Uint8Array(bytes.length + 16);
    padded.set(bytes, 8);
    for (const input of [bytes.slice().buffer, padded.subarray(8, 8 + bytes.length)]) {
      const imported = await importModel(tf, input);
      expect(imported.ok).toBe(true);
      expect(Object.keys(imported.weights ?? {})).toHaveLength(4);
      tf.dispose(Object.values(imported.weights ?? {}));
    }
  });
});

describe('files that are not Keras models', () => {
  it('a weights-only file: a clear diagnostic that the architecture is needed', async () => {
    const imported = await importModel(tf, read('weights-only.h5'));
    expect(imported.ok).toBe(false);
    expect(imported.unreadable).toBeUndefined();
    expect(imported.diagnostics).toHaveLength(1);
    const [d] = imported.diagnostics;
    expect(d).toMatchObject({ code: 'import_failed', severity: 'error' });
    expect(d?.message).toMatch(/only weights \(saved with model\.save_weights\(\)\).*no architecture/);
    expect(d?.hint).toMatch(/model\.to_json\(\)/);
  });

  it("a weights-only file's weights (float16) load into the architecture imported from elsewhere", async () => {
    const weightsOnly = await readKerasH5Weights(read('weights-only.h5'));
    if (!weightsOnly.ok) throw new Error(JSON.stringify(weightsOnly.diagnostics));
    expect(weightsOnly.kerasVersion).toBe('2.9.0');
    expect(weightsOnly.layers.map((l) => [l.name, l.weights.length])).toEqual([
      ['features', 0],
      ['context', 0],
      ['tower_a', 2],
      ['tower_b', 2],
      ['join', 0],
      ['out', 2],
    ]);
    const architecture = await importKerasH5(read('functional-two-inputs.h5'), { weights: false });
    const doc = architecture.doc as GraphDoc;
    const mapped = kerasH5Weights(doc, weightsOnly.layers, weightsOnly);
    expect(mapped.diagnostics).toEqual([]);
    const tensors = toTensors(mapped.weights);
    const result = predictWith(doc, tensors, EXPECTED['functional-two-inputs.h5'] as Expected);
    expect(result.assigned.ok).toBe(true);
    // The weights were rounded to float16 steps when the file was made, so they survive exactly.
    expect(result.maxError).toBeLessThan(1e-4);
    tf.dispose(Object.values(tensors));
  });

  it('an HDF5 file that is not a Keras model says so and what it holds', async () => {
    const imported = await importModel(tf, read('not-keras.h5'));
    expect(imported.ok).toBe(false);
    expect(imported.diagnostics[0]?.message).toMatch(/not a Keras model: it has no model_config attribute \(it holds samples\)/);
    expect(imported.unreadable).toBeUndefined();
  });

  it('a truncated file is reported as damaged, not thrown', async () => {
    const imported = await importModel(tf, read('truncated.h5'));
    expect(imported).toMatchObject({ ok: false, kind: 'keras-h5', unreadable: true });
    expect(imported.diagnostics[0]?.message).toMatch(/could not be read; it may be truncated or damaged/);
    const weights = await readKerasH5Weights(read('truncated.h5'));
    expect(weights.ok).toBe(false);
  });

  it('bytes of a JSON model file import as JSON; HDF5 bytes given to importTopology are pointed to importModel', async () => {
    const json = readFileSync(join(MODELS, 'keras2-tojson-lenet-sequential.json'));
    const imported = await importModel(tf, new Uint8Array(json));
    expect(imported).toMatchObject({ ok: true, kind: 'keras-json' });
    expect(isHdf5(new Uint8Array(json))).toBe(false);
    const topology = importTopology(read('mlp-keras2.h5'));
    expect(topology).toMatchObject({ ok: false, kind: 'keras-h5' });
    expect(topology.diagnostics[0]?.message).toMatch(/importModel/);
    const notHdf5 = await readKerasH5(new Uint8Array(json));
    expect(notHdf5).toMatchObject({ ok: false, unreadable: true });
  });
});

describe('Keras weight layouts converted as Keras 2 converts them', () => {
  const array = (shape: number[], at = (i: number) => i): WeightArray => ({
    values: Float32Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => at(i)),
    shape,
    dtype: 'float32',
  });

  it('transpose, flip and concatenate follow numpy', () => {
    const a = array([2, 3]);
    expect(Array.from(transpose(a, [1, 0]).values)).toEqual([0, 3, 1, 4, 2, 5]);
    expect(Array.from(flip(a, [1]).values)).toEqual([2, 1, 0, 5, 4, 3]);
    expect(Array.from(flip(a, [0, 1]).values)).toEqual([5, 4, 3, 2, 1, 0]);
    const joined = concatLast([a, array([2, 1], (i) => 10 + i)]);
    expect(joined?.shape).toEqual([2, 4]);
    expect(Array.from(joined?.values ?? [])).toEqual([0, 1, 2, 10, 3, 4, 5, 11]);
    expect(concatLast([a, array([3, 1])])).toBeUndefined();
  });

  it('a Keras 1 LSTM with one weight per gate: kernels joined in the order i, f, c, o', () => {
    const json = {
      class_name: 'Sequential',
      keras_version: '1.2.2',
      config: [
        { class_name: 'LSTM', config: { name: 'lstm_1', output_dim: 2, input_dim: 3, input_length: 4, batch_input_shape: [null, 4, 3] } },
      ],
    };
    const doc = importTopology(json).doc as GraphDoc;
    const gate = { i: 1, c: 2, f: 3, o: 4 };
    const weights = Object.entries(gate).flatMap(([g, v]) => [
      { name: `lstm_1_W_${g}`, array: array([3, 2], () => v) },
      { name: `lstm_1_U_${g}`, array: array([2, 2], () => 10 * v) },
      { name: `lstm_1_b_${g}`, array: array([2], () => 100 * v) },
    ]);
    const mapped = kerasH5Weights(doc, [{ name: 'lstm_1', weights }], { kerasVersion: '1.2.2' });
    expect(mapped.diagnostics).toEqual([]);
    expect(mapped.weights['lstm_1/kernel']?.shape).toEqual([3, 8]);
    expect(Array.from(mapped.weights['lstm_1/kernel']?.values.slice(0, 8) ?? [])).toEqual([1, 1, 3, 3, 2, 2, 4, 4]);
    expect(Array.from(mapped.weights['lstm_1/bias']?.values ?? [])).toEqual([100, 100, 300, 300, 200, 200, 400, 400]);
    const tensors = toTensors(mapped.weights);
    const compiled = compileGraph(tf, doc);
    if (!compiled.ok) throw new Error('compile failed');
    expect(assignWeights(compiled.model, tensors)).toMatchObject({ ok: true, assigned: 3 });
    tf.dispose(Object.values(tensors));
    compiled.model.dispose();
  });

  it("a Keras 1 Conv1D kernel in either of Keras 1's orderings becomes (length, in, filters), as its spec declares", () => {
    const doc = {
      nodes: [{ id: 'c', type: 'conv1d', name: 'conv1d_1', params: { filters: 4, kernelSize: 3 }, position: { x: 0, y: 0 } }],
      edges: [],
    } as unknown as GraphDoc;
    // Keras 2 layout: value 100·step + 10·input + filter at [step][input][filter].
    const keras2 = array([3, 2, 4], (k) => 100 * Math.floor(k / 8) + 10 * (Math.floor(k / 4) % 2) + (k % 4));
    const keras12 = { ...keras2, shape: [3, 1, 2, 4] };
    const keras11 = transpose(keras12, [3, 2, 0, 1]);
    for (const kernel of [keras12, keras11]) {
      const mapped = kerasH5Weights(doc, [{ name: 'conv1d_1', weights: [{ name: 'conv1d_1_W', array: kernel }] }], {
        kerasVersion: '1.2.2',
      });
      expect(mapped.weights['conv1d_1/kernel']?.shape).toEqual([3, 2, 4]);
      expect(Array.from(mapped.weights['conv1d_1/kernel']?.values ?? [])).toEqual(Array.from(keras2.values));
    }
  });

  it('kernels trained with Theano are flipped: a CNN saved by Keras 2 on Theano predicts the same', async () => {
    const file = await readKerasH5Weights(read('cnn-tf-keras.h5'));
    if (!file.ok) throw new Error('unreadable');
    // Theano convolves: the same model trained there stores the kernel reversed in rows and columns.
    const theano: KerasH5Layer[] = file.layers.map((layer) => ({
      name: layer.name,
      weights: layer.weights.map((w) => (w.name === 'conv2d/kernel:0' ? { ...w, array: flip(w.array, [0, 1]) } : w)),
    }));
    const doc = (await importKerasH5(read('cnn-tf-keras.h5'), { weights: false })).doc as GraphDoc;
    const mapped = kerasH5Weights(doc, theano, { kerasVersion: '2.1.6', backend: 'theano' });
    const tensors = toTensors(mapped.weights);
    expect(predictWith(doc, tensors, EXPECTED['cnn-tf-keras.h5'] as Expected).maxError).toBeLessThan(1e-4);
    tf.dispose(Object.values(tensors));
  });

  it('weights of a nested model are found through the layer names in their paths', async () => {
    const topology = importTopology({
      class_name: 'Sequential',
      keras_version: '2.2.4',
      config: {
        name: 'outer',
        layers: [
          { class_name: 'Dense', config: { name: 'first', units: 3, batch_input_shape: [null, 2] } },
          { class_name: 'Sequential', config: { name: 'head', layers: [{ class_name: 'Dense', config: { name: 'inner', units: 1 } }] } },
        ],
      },
    });
    const doc = topology.doc as GraphDoc;
    const layers: KerasH5Layer[] = [
      { name: 'first', weights: [{ name: 'first/kernel:0', array: array([2, 3]) }] },
      { name: 'head', weights: [{ name: 'inner/kernel:0', array: array([3, 1]) }] },
    ];
    expect(Object.keys(kerasH5Weights(doc, layers, { kerasVersion: '2.2.4' }).weights)).toEqual(['first/kernel', 'inner/kernel']);
  });
});

function toTensors(arrays: Record<string, WeightArray>): tf.NamedTensorMap {
  return Object.fromEntries(Object.entries(arrays).map(([k, a]) => [k, tf.tensor(a.values, a.shape, a.dtype)]));
}

/**
 * Damaged files: random bytes overwritten, or the file cut short. Reading must end in a graph or in
 * diagnostics — never an exception, never a hang.
 */
describe('fuzz: damaged Keras HDF5 files', () => {
  const SEED = Number(process.env.NETCANVAS_FUZZ_SEED ?? 20261128);
  const RUNS = Math.round(150 * Number(process.env.NETCANVAS_FUZZ_SCALE ?? 1));
  const CODES = new Set(Object.keys(DIAGNOSTIC_CODES));
  const sources = MODEL_FILES.map(read);

  it(`importModel never throws on ${RUNS} damaged files`, async () => {
    const damage = fc.record({
      file: fc.nat({ max: sources.length - 1 }),
      edits: fc.array(fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), byte: fc.nat({ max: 255 }) }), {
        minLength: 1,
        maxLength: 12,
      }),
      cut: fc.option(fc.double({ min: 0.05, max: 1, noNaN: true }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ file, edits, cut }) => {
        const source = sources[file] as Uint8Array;
        const bytes = source.slice(0, cut === undefined ? source.length : Math.max(8, Math.floor(source.length * cut)));
        // Keep the signature so the file is still taken for HDF5; the damage is inside.
        for (const { at, byte } of edits) bytes[8 + Math.floor(at * (bytes.length - 8))] = byte;
        const imported = await importModel(tf, bytes);
        for (const d of imported.diagnostics) {
          expect(CODES.has(d.code)).toBe(true);
          expect(d.message.length).toBeGreaterThan(10);
        }
        if (imported.ok) expect(imported.doc).toBeDefined();
        else expect(imported.diagnostics.some((d) => d.severity === 'error')).toBe(true);
        tf.dispose(Object.values(imported.weights ?? {}));
      }),
      { numRuns: RUNS, seed: SEED },
    );
  }, 120_000);
});
