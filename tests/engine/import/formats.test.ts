import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { hasErrors } from '../../../engine/diagnostics';
import { importModel, importTopology } from '../../../engine/import/import-model';
import type { WeightEntry, WeightsManifestGroup } from '../../../engine/import/weights';
import { MODELS } from '../../support/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A model saved the way TF.js saves it: model.json (topology + manifest) and its weight file. */
interface SavedModel {
  json: { format: string; modelTopology: object; weightsManifest: WeightsManifestGroup[] };
  files: Map<string, Uint8Array>;
}

async function save(model: tf.LayersModel): Promise<SavedModel> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      artifacts = a;
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  if (!artifacts) throw new Error('nothing saved');
  const data = artifacts.weightData as ArrayBuffer;
  return {
    json: {
      format: 'layers-model',
      modelTopology: artifacts.modelTopology as object,
      weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: (artifacts.weightSpecs ?? []) as WeightEntry[] }],
    },
    files: new Map([['group1-shard1of1.bin', new Uint8Array(data)]]),
  };
}

const reader = (files: Map<string, Uint8Array>) => async (path: string) => files.get(path);

function maxAbsDiff(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0] as number);
}

/** Random inputs for a model: a batch of 3, seeded. */
function inputsFor(model: tf.LayersModel): tf.Tensor[] {
  return model.inputs.map((input, i) => tf.randomNormal([3, ...(input.shape.slice(1) as number[])], 0, 1, 'float32', 11 + i));
}

function predict(model: tf.LayersModel, inputs: tf.Tensor[]): tf.Tensor[] {
  return [model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)].flat() as tf.Tensor[];
}

/**
 * Imports a saved model with its weights, compiles the graph, loads the weights and checks it predicts
 * what the original does. Returns the import for further checks.
 */
async function expectSamePredictions(original: tf.LayersModel, saved: SavedModel, tolerance = 1e-5) {
  const imported = await importModel(tf, JSON.stringify(saved.json), { readFile: reader(saved.files) });
  expect(imported.ok, JSON.stringify(imported.diagnostics)).toBe(true);
  if (!imported.doc || !imported.weights) throw new Error('no graph or no weights');
  const compiled = compileGraph(tf, imported.doc);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  const assigned = assignWeights(compiled.model, imported.weights);
  expect(assigned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(assigned.assigned).toBe(compiled.model.weights.length);
  // A shared layer imports as one layer used at each call, so its weights count once.
  expect(compiled.model.countParams()).toBe(original.countParams());
  const inputs = inputsFor(original);
  const ours = predict(compiled.model, inputs);
  const theirs = predict(original, inputs);
  expect(ours.map((t) => t.shape)).toEqual(theirs.map((t) => t.shape));
  for (const [i, t] of ours.entries()) expect(maxAbsDiff(t, theirs[i] as tf.Tensor)).toBeLessThan(tolerance);
  tf.dispose([...inputs, ...ours, ...theirs, ...Object.values(imported.weights)]);
  compiled.model.dispose();
  return imported;
}

describe('nested models saved by TF.js', () => {
  it('a tf.sequential inside a tf.model: imports as a group and predicts the same', async () => {
    const inner = tf.sequential({
      name: 'head',
      layers: [
        tf.layers.dense({ inputShape: [6], units: 5, activation: 'relu', name: 'head_1' }),
        tf.layers.dense({ units: 2, name: 'head_2' }),
      ],
    });
    const x = tf.input({ shape: [4], name: 'x' });
    const h = tf.layers.dense({ units: 6, activation: 'tanh', name: 'body' }).apply(x) as tf.SymbolicTensor;
    const y = tf.layers.softmax({ name: 'probs' }).apply(inner.apply(h) as tf.SymbolicTensor) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: y, name: 'outer' });
    const imported = await expectSamePredictions(model, await save(model));
    expect(imported.doc?.groups).toEqual([{ id: 'head', name: 'head', collapsed: false }]);
    const grouped = imported.doc?.nodes.filter((n) => n.groupId === 'head').map((n) => n.name);
    expect(grouped).toEqual(['head_1', 'head_2']);
    expect(imported.diagnostics).toEqual([]);
    model.dispose();
  });

  it('a functional model with a branch inside a functional model', async () => {
    const a = tf.input({ shape: [5], name: 'block_in' });
    const left = tf.layers.dense({ units: 4, name: 'left' }).apply(a) as tf.SymbolicTensor;
    const right = tf.layers.dense({ units: 4, activation: 'sigmoid', name: 'right' }).apply(a) as tf.SymbolicTensor;
    const block = tf.model({
      inputs: a,
      outputs: tf.layers.multiply({ name: 'gate' }).apply([left, right]) as tf.SymbolicTensor,
      name: 'block',
    });
    const x = tf.input({ shape: [5], name: 'x' });
    const skip = tf.layers.dense({ units: 4, name: 'skip' }).apply(x) as tf.SymbolicTensor;
    const y = tf.layers.add({ name: 'sum' }).apply([block.apply(x) as tf.SymbolicTensor, skip]) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: y, name: 'outer' });
    const imported = await expectSamePredictions(model, await save(model));
    expect(imported.doc?.groups?.map((g) => g.id)).toEqual(['block']);
    expect(imported.doc?.nodes.filter((n) => n.groupId === 'block').map((n) => n.name)).toEqual(['left', 'right', 'gate']);
    // The nested model's own Input is bound to the outer tensor, not imported as a second input.
    expect(imported.doc?.nodes.filter((n) => n.type === 'input').map((n) => n.id)).toEqual(['x']);
    model.dispose();
  });

  it('a sequential inside a sequential', async () => {
    const inner = tf.sequential({
      name: 'inner',
      layers: [tf.layers.dense({ inputShape: [3], units: 3, activation: 'relu', name: 'i1' })],
    });
    const model = tf.sequential({
      name: 'outer',
      layers: [tf.layers.dense({ inputShape: [2], units: 3, name: 'o1' }), inner, tf.layers.dense({ units: 1, name: 'o2' })],
    });
    const imported = await expectSamePredictions(model, await save(model));
    expect(imported.doc?.nodes.map((n) => [n.type, n.groupId ?? null])).toEqual([
      ['input', null],
      ['dense', null],
      ['dense', 'inner'],
      ['dense', null],
    ]);
    model.dispose();
  });

  it('a model used twice: one node per call, the later ones sharing the first’s weights, counted once', async () => {
    const e = tf.input({ shape: [4], name: 'enc_in' });
    const encoder = tf.model({
      inputs: e,
      outputs: tf.layers.dense({ units: 3, activation: 'tanh', name: 'enc' }).apply(e) as tf.SymbolicTensor,
      name: 'encoder',
    });
    const a = tf.input({ shape: [4], name: 'a' });
    const b = tf.input({ shape: [4], name: 'b' });
    const joined = tf.layers
      .concatenate({ name: 'pair' })
      .apply([encoder.apply(a) as tf.SymbolicTensor, encoder.apply(b) as tf.SymbolicTensor]);
    const model = tf.model({ inputs: [a, b], outputs: joined as tf.SymbolicTensor, name: 'siamese' });
    const saved = await save(model);
    const imported = await importModel(tf, saved.json, { readFile: reader(saved.files) });
    const note = imported.diagnostics.find((d) => d.code === 'unsupported_feature');
    expect(note).toMatchObject({ severity: 'info', nodeId: 'encoder' });
    expect(note?.message).toMatch(/called 2 times.*each use sharing the weights of the first/);
    // Each call reads its own input.
    const doc = imported.doc;
    const copies = doc?.nodes.filter((n) => n.name === 'enc') ?? [];
    expect(copies).toHaveLength(2);
    expect(copies.map((c) => doc?.edges.find((edge) => edge.target === c.id)?.source)).toEqual(['a', 'b']);
    expect(copies[1]?.sharesWeightsWith).toBe(copies[0]?.id);
    const analysis = analyse(doc as NonNullable<typeof doc>);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.totals.params).toBe(model.countParams());
    tf.dispose(Object.values(imported.weights ?? {}));
    await expectSamePredictions(model, saved, 1e-5);
    model.dispose();
  });

  it('a layer shared by two calls: one layer used twice, its weights counted once and tied in the compiled model', async () => {
    const shared = tf.layers.dense({ units: 4, activation: 'relu', name: 'shared' });
    const x = tf.input({ shape: [4], name: 'x' });
    const twice = shared.apply(shared.apply(x)) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: twice, name: 'recurrent_by_hand' });
    const imported = await expectSamePredictions(model, await save(model), 1e-5);
    expect(imported.diagnostics).toMatchObject([{ code: 'unsupported_feature', severity: 'info', nodeId: 'shared' }]);
    expect(imported.diagnostics[0]?.message).toMatch(/shared by 2 calls.*sharing the weights of the first/);
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    const analysis = analyse(doc);
    expect(analysis.totals.params).toBe(model.countParams());
    const compiled = compileGraph(tf, doc, analysis);
    if (!compiled.ok) throw new Error('not compiled');
    expect(compiled.model.countParams()).toBe(model.countParams());
    expect(compiled.model.layers.filter((l) => l.name.startsWith('shared'))).toHaveLength(1);
    compiled.model.dispose();
    model.dispose();
  });

  it('a multi-output model with an output that is also an intermediate tensor', async () => {
    const x = tf.input({ shape: [3], name: 'x' });
    const hidden = tf.layers.dense({ units: 4, name: 'hidden' }).apply(x) as tf.SymbolicTensor;
    const out = tf.layers.dense({ units: 2, name: 'out' }).apply(hidden) as tf.SymbolicTensor;
    const model = tf.model({ inputs: x, outputs: [out, hidden], name: 'two_heads' });
    const imported = await expectSamePredictions(model, await save(model));
    expect(imported.doc?.outputs).toEqual(['out', 'hidden']);
    model.dispose();
  });
});

// ---------------------------------------------------------------------------------------------------
// Keras 3: model.to_json() as Keras 3 writes it (module / class_name / config / registered_name per
// object, build_config, DTypePolicy objects, __keras_tensor__ call arguments).

const policy = (name = 'float32') => ({ module: 'keras', class_name: 'DTypePolicy', config: { name }, registered_name: null });
const init = (className: string, config: Record<string, unknown> = { seed: null }) => ({
  module: 'keras.initializers',
  class_name: className,
  config,
  registered_name: null,
});
const tensor = (layer: string, shape: (number | null)[], node = 0, index = 0) => ({
  class_name: '__keras_tensor__',
  config: { shape, dtype: 'float32', keras_history: [layer, node, index] },
});
const call = (...args: unknown[]) => ({ args, kwargs: {} });
const inputLayer = (name: string, batchShape: (number | null)[], dtype = 'float32') => ({
  module: 'keras.layers',
  class_name: 'InputLayer',
  config: { batch_shape: batchShape, dtype, sparse: false, ragged: false, name, optional: false },
  registered_name: null,
  name,
  inbound_nodes: [],
});
function k3Layer(className: string, name: string, config: Record<string, unknown>, inbound: unknown[], buildShape?: unknown) {
  return {
    module: 'keras.layers',
    class_name: className,
    config: { name, trainable: true, dtype: policy(), ...config },
    registered_name: null,
    ...(buildShape ? { build_config: { input_shape: buildShape } } : {}),
    name,
    inbound_nodes: inbound,
  };
}
const dense = (units: number, activation = 'linear') => ({
  units,
  activation,
  use_bias: true,
  kernel_initializer: init('GlorotUniform'),
  bias_initializer: init('Zeros', {}),
  kernel_regularizer: null,
  bias_regularizer: null,
  kernel_constraint: null,
  bias_constraint: null,
  lora_rank: null,
});
const functional = (name: string, layers: unknown[], inputs: unknown, outputs: unknown) => ({
  module: 'keras.src.models.functional',
  class_name: 'Functional',
  config: { name, trainable: true, layers, input_layers: inputs, output_layers: outputs },
  registered_name: 'Functional',
  build_config: { input_shape: null },
});

describe('Keras 3 to_json() files', () => {
  it('a functional model with a merge, DTypePolicy objects, Keras 3 initializers and regularizers', () => {
    const model = functional(
      'k3_functional',
      [
        inputLayer('features', [null, 8]),
        k3Layer('Dense', 'wide', dense(16, 'relu'), [call(tensor('features', [null, 8]))], [null, 8]),
        k3Layer(
          'Dense',
          'deep',
          {
            ...dense(16, 'gelu'),
            kernel_initializer: init('HeNormal'),
            kernel_regularizer: { module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.01 }, registered_name: null },
          },
          [call(tensor('features', [null, 8]))],
          [null, 8],
        ),
        k3Layer(
          'Add',
          'join',
          {},
          [call([tensor('wide', [null, 16]), tensor('deep', [null, 16])])],
          [
            [null, 16],
            [null, 16],
          ],
        ),
        k3Layer('LeakyReLU', 'leaky', { negative_slope: 0.2 }, [call(tensor('join', [null, 16]))]),
        k3Layer('Dropout', 'drop', { rate: 0.25, seed: null, noise_shape: null }, [
          { args: [tensor('leaky', [null, 16])], kwargs: { training: false } },
        ]),
        k3Layer('Dense', 'logits', dense(3, 'softmax'), [call(tensor('drop', [null, 16]))], [null, 16]),
      ],
      ['features', 0, 0],
      ['logits', 0, 0],
    );
    const imported = importTopology(JSON.stringify(model));
    expect(imported).toMatchObject({ ok: true, kind: 'keras-json', diagnostics: [] });
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    const byName = Object.fromEntries(doc.nodes.map((n) => [n.name, n]));
    expect(byName.features?.params).toEqual({ shape: [8], dtype: 'float32' });
    expect(byName.deep?.params).toMatchObject({
      units: 16,
      activation: 'gelu',
      kernelInitializer: 'heNormal',
      kernelRegularizer: { l1: 0, l2: 0.01 },
    });
    expect(byName.leaky?.params).toEqual({ alpha: 0.2 });
    expect(doc.edges.filter((e) => e.target === 'join').map((e) => [e.source, e.targetHandle])).toEqual([
      ['wide', 'in:0'],
      ['deep', 'in:1'],
    ]);
    const analysis = analyse(doc);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.nodes.logits?.outputShapes).toEqual([[null, 3]]);
    expect(analysis.totals.params).toBe(2 * (8 * 16 + 16) + 16 * 3 + 3);
    const compiled = compileGraph(tf, doc);
    expect(compiled.ok).toBe(true);
    if (compiled.ok) compiled.model.dispose();
  });

  it('a Sequential with an Embedding and an LSTM (OrthogonalInitializer), and its compile_config', () => {
    const model = {
      module: 'keras',
      class_name: 'Sequential',
      config: {
        name: 'sentiment',
        trainable: true,
        dtype: policy(),
        layers: [
          { ...inputLayer('tokens', [null, 40], 'int32'), inbound_nodes: undefined, name: undefined },
          {
            module: 'keras.layers',
            class_name: 'Embedding',
            config: {
              name: 'embedding',
              trainable: true,
              dtype: policy(),
              input_dim: 1000,
              output_dim: 16,
              embeddings_initializer: init('RandomUniform', { minval: -0.05, maxval: 0.05, seed: null }),
              embeddings_regularizer: null,
              activity_regularizer: null,
              embeddings_constraint: null,
              mask_zero: false,
            },
            registered_name: null,
            build_config: { input_shape: [null, 40] },
          },
          {
            module: 'keras.layers',
            class_name: 'LSTM',
            config: {
              name: 'lstm',
              trainable: true,
              dtype: policy(),
              return_sequences: false,
              return_state: false,
              go_backwards: false,
              stateful: false,
              unroll: false,
              zero_output_for_mask: false,
              units: 8,
              activation: 'tanh',
              recurrent_activation: 'sigmoid',
              use_bias: true,
              kernel_initializer: init('GlorotUniform'),
              recurrent_initializer: init('OrthogonalInitializer', { gain: 1.0, seed: null }),
              bias_initializer: init('Zeros', {}),
              unit_forget_bias: true,
              kernel_regularizer: null,
              recurrent_regularizer: null,
              bias_regularizer: null,
              activity_regularizer: null,
              kernel_constraint: null,
              recurrent_constraint: null,
              bias_constraint: null,
              dropout: 0.0,
              recurrent_dropout: 0.0,
              seed: null,
            },
            registered_name: null,
            build_config: { input_shape: [null, 40, 16] },
          },
          {
            module: 'keras.layers',
            class_name: 'Dense',
            config: { name: 'score', trainable: true, dtype: policy(), ...dense(1, 'sigmoid') },
            registered_name: null,
          },
        ],
        build_input_shape: [null, 40],
      },
      registered_name: null,
      build_config: { input_shape: [null, 40] },
      compile_config: {
        optimizer: {
          module: 'keras.optimizers',
          class_name: 'RMSprop',
          config: { name: 'rmsprop', learning_rate: 0.002, rho: 0.9 },
          registered_name: null,
        },
        loss: { module: 'builtins', class_name: 'function', config: 'binary_crossentropy', registered_name: 'function' },
        metrics: ['accuracy'],
      },
    };
    const imported = importTopology(JSON.stringify(model));
    expect(imported).toMatchObject({ ok: true, diagnostics: [] });
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    expect(doc.nodes.map((n) => n.type)).toEqual(['input', 'embedding', 'lstm', 'dense']);
    expect(doc.nodes[0]?.params).toEqual({ shape: [40], dtype: 'int32' });
    expect(doc.nodes[2]?.params).toMatchObject({ units: 8, recurrentInitializer: 'orthogonal', recurrentActivation: 'sigmoid' });
    expect(doc.training).toEqual({ optimizer: 'rmsprop', learningRate: 0.002, loss: 'binaryCrossentropy' });
    const analysis = analyse(doc);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.totals.params).toBe(1000 * 16 + 4 * (16 * 8 + 8 * 8 + 8) + 9);
  });

  it('a nested Functional model, with node indexes as Keras 3 counts them', () => {
    const block = {
      ...functional(
        'block',
        [
          inputLayer('block_in', [null, 6]),
          k3Layer('Dense', 'block_dense', dense(6, 'relu'), [call(tensor('block_in', [null, 6]))], [null, 6]),
        ],
        ['block_in', 0, 0],
        ['block_dense', 0, 0],
      ),
      name: 'block',
      // Keras 3 writes the call's arguments counting only this model's nodes.
      inbound_nodes: [call(tensor('x', [null, 6]))],
    };
    const model = functional(
      'outer',
      [inputLayer('x', [null, 6]), block, k3Layer('Dense', 'head', dense(2), [call(tensor('block', [null, 6], 0))])],
      ['x', 0, 0],
      // …and the outputs through its reindexing, where a nested model's first call is node 1.
      [
        ['head', 0, 0],
        ['block', 1, 0],
      ],
    );
    const imported = importTopology(JSON.stringify(model));
    expect(imported.diagnostics).toEqual([]);
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    expect(doc.groups?.map((g) => g.id)).toEqual(['block']);
    expect(doc.outputs).toEqual(['head', 'block_dense']);
    expect(doc.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['x->block_dense', 'block_dense->head']);
    expect(analyse(doc).diagnostics).toEqual([]);
  });

  it('inputs and outputs given as dicts: flattened by sorted key, as Keras does', () => {
    const model = functional(
      'named_heads',
      [
        inputLayer('b_in', [null, 3]),
        inputLayer('a_in', [null, 2]),
        k3Layer('Concatenate', 'cat', { axis: -1 }, [call([tensor('a_in', [null, 2]), tensor('b_in', [null, 3])])]),
        k3Layer('Dense', 'score', dense(1), [call(tensor('cat', [null, 5]))]),
        k3Layer('Dense', 'label', dense(4, 'softmax'), [call(tensor('cat', [null, 5]))]),
      ],
      { a: ['a_in', 0, 0], b: ['b_in', 0, 0] },
      { score: ['score', 0, 0], label: ['label', 0, 0] },
    );
    const imported = importTopology(JSON.stringify(model));
    expect(imported.diagnostics).toEqual([]);
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    const analysis = analyse(doc);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.inputs).toEqual(['a_in', 'b_in']);
    expect(analysis.outputs.map((o) => o.nodeId)).toEqual(['label', 'score']);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('Keras 1 files, Lambdas and custom layers', () => {
  it('upgrades a Keras 1 Sequential file (the keras-js MNIST CNN) to current layer names', () => {
    const imported = importTopology(readFileSync(join(MODELS, 'keras1-tojson-mnist-cnn.json'), 'utf8'));
    expect(imported.ok).toBe(true);
    expect(imported.kerasVersion).toBe('1.0.7');
    expect(imported.diagnostics).toMatchObject([{ code: 'unsupported_feature', severity: 'info' }]);
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    expect(doc.nodes.filter((n) => n.type === 'conv2d').map((n) => n.params)).toMatchObject([
      { filters: 32, kernelSize: [3, 3], padding: 'valid', dataFormat: 'channelsLast' },
      { filters: 32, kernelSize: [3, 3] },
    ]);
    expect(analyse(doc).diagnostics).toEqual([]);
  });

  it('upgrades a Keras 1 functional file: inbound nodes without kwargs, Convolution2D, nb_filter, border_mode', () => {
    const model = {
      keras_version: '1.2.2',
      class_name: 'Model',
      config: {
        name: 'model_1',
        layers: [
          {
            name: 'input_1',
            class_name: 'InputLayer',
            config: { batch_input_shape: [null, 16, 16, 3], input_dtype: 'float32', sparse: false, name: 'input_1' },
            inbound_nodes: [],
          },
          {
            name: 'convolution2d_1',
            class_name: 'Convolution2D',
            config: {
              name: 'convolution2d_1',
              nb_filter: 8,
              nb_row: 3,
              nb_col: 3,
              init: 'he_normal',
              activation: 'relu',
              border_mode: 'same',
              subsample: [2, 2],
              dim_ordering: 'tf',
              W_regularizer: null,
              b_regularizer: null,
              bias: true,
              trainable: true,
            },
            inbound_nodes: [[['input_1', 0, 0]]],
          },
          {
            name: 'flatten_1',
            class_name: 'Flatten',
            config: { name: 'flatten_1', trainable: true },
            inbound_nodes: [[['convolution2d_1', 0, 0]]],
          },
          {
            name: 'dense_1',
            class_name: 'Dense',
            config: {
              name: 'dense_1',
              output_dim: 10,
              init: 'glorot_uniform',
              activation: 'softmax',
              bias: true,
              input_dim: null,
              trainable: true,
            },
            inbound_nodes: [[['flatten_1', 0, 0]]],
          },
        ],
        input_layers: [['input_1', 0, 0]],
        output_layers: [['dense_1', 0, 0]],
      },
    };
    const imported = importTopology(model);
    expect(imported.ok).toBe(true);
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    expect(doc.nodes.map((n) => n.type)).toEqual(['input', 'conv2d', 'flatten', 'dense']);
    expect(doc.nodes[1]?.params).toMatchObject({
      filters: 8,
      kernelSize: [3, 3],
      padding: 'same',
      strides: [2, 2],
      kernelInitializer: 'heNormal',
    });
    expect(doc.nodes[3]?.params).toMatchObject({ units: 10 });
    const analysis = analyse(doc);
    expect(analysis.diagnostics).toEqual([]);
    expect(analysis.totals.params).toBe(3 * 3 * 3 * 8 + 8 + 8 * 8 * 8 * 10 + 10);
  });

  it('keeps a Keras 1 class in a file without a version as a placeholder that names it', () => {
    const model = {
      class_name: 'Sequential',
      config: [
        { class_name: 'Dense', config: { name: 'dense_1', units: 4, batch_input_shape: [null, 4] } },
        { class_name: 'MaxoutDense', config: { name: 'maxout_1', output_dim: 4, nb_feature: 4 } },
        { class_name: 'Dense', config: { name: 'dense_2', units: 2 } },
      ],
    };
    const imported = importTopology(model);
    expect(imported.ok).toBe(true);
    const placeholder = imported.diagnostics.find((d) => d.code === 'import_placeholder');
    expect(placeholder).toMatchObject({ severity: 'error', nodeId: 'maxout_1' });
    expect(placeholder?.message).toContain('MaxoutDense');
    const node = imported.doc?.nodes.find((n) => n.id === 'maxout_1');
    expect(node).toMatchObject({ type: 'unsupported', params: { className: 'MaxoutDense' } });
    expect(String(node?.params.reason)).toMatch(/Keras 1/);
  });

  it.each([
    [
      'Lambda',
      {
        function: [
          '4wEAAAAAAAAAAQAAAAIAAABDAAAAcwgAAAB8AGQBFABTACkCTukCAAAAqQApAdoBeHIBAAAAcgEAAAD6HjxpcHl0aG9uLWlucHV0LTEtYjUyYzE5M2VhNzRjPtoIPGxhbWJkYT4BAAAA8wAAAAA=',
          null,
          null,
        ],
        function_type: 'lambda',
      },
      /Python code/,
    ],
    ['AttentionWithContext', { return_attention: false }, /custom layer/],
  ])('keeps a %s as a placeholder naming its class; the rest still imports and analyses', (className, config, reason) => {
    const model = {
      class_name: 'Functional',
      config: {
        name: 'with_placeholder',
        layers: [
          {
            name: 'in',
            class_name: 'InputLayer',
            config: { batch_input_shape: [null, 10, 4], dtype: 'float32', name: 'in' },
            inbound_nodes: [],
          },
          {
            name: 'rnn',
            class_name: 'GRU',
            config: { name: 'rnn', units: 6, return_sequences: true },
            inbound_nodes: [[['in', 0, 0, {}]]],
          },
          { name: 'odd', class_name: className, config: { name: 'odd', ...config }, inbound_nodes: [[['rnn', 0, 0, {}]]] },
          { name: 'out', class_name: 'Dense', config: { name: 'out', units: 2 }, inbound_nodes: [[['odd', 0, 0, {}]]] },
          { name: 'side', class_name: 'Dense', config: { name: 'side', units: 3 }, inbound_nodes: [[['rnn', 0, 0, {}]]] },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [
          ['out', 0, 0],
          ['side', 0, 0],
        ],
      },
    };
    const imported = importTopology(model);
    expect(imported.ok).toBe(true);
    expect(imported.diagnostics.map((d) => [d.code, d.nodeId])).toEqual([['import_placeholder', 'odd']]);
    expect(imported.diagnostics[0]?.message).toContain(className);
    expect(imported.diagnostics[0]?.hint).toBeTruthy();
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    expect(doc.nodes.map((n) => n.type)).toEqual(['input', 'gru', 'unsupported', 'dense', 'dense']);
    const odd = doc.nodes.find((n) => n.id === 'odd');
    expect(odd?.params).toMatchObject({ className, config: { name: 'odd' } });
    expect(String(odd?.params.reason)).toMatch(reason);
    const analysis = analyse(doc);
    expect(analysis.nodes.odd?.status).toBe('error');
    expect(analysis.nodes.out?.status).toBe('blocked');
    expect(analysis.nodes.side?.outputShapes).toEqual([[null, 10, 3]]);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.nodeId])).toEqual([['unknown_layer', 'odd']]);
    expect(analysis.diagnostics.find((d) => d.nodeId === 'odd')?.message).toContain(className);
    // A graph with a placeholder is never compiled.
    expect(compileGraph(tf, doc).ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------

/** Float32 → IEEE half precision, rounding to nearest (enough for test values). */
function toFloat16(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0] as number;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) return sign;
  if (exponent >= 31) return sign | 0x7c00;
  const rounded = (exponent << 10) | (mantissa >>> 13);
  return sign | (rounded + ((mantissa >>> 12) & 1));
}

/** Re-encodes a saved model's weights quantized, the way tensorflowjs_converter --quantize_* writes them. */
async function quantized(saved: SavedModel, dtype: 'uint8' | 'float16'): Promise<SavedModel> {
  const data = saved.files.get('group1-shard1of1.bin') as Uint8Array;
  const tensors = tf.io.decodeWeights(data.slice().buffer, saved.json.weightsManifest[0]?.weights as tf.io.WeightsManifestEntry[]);
  const parts: Uint8Array[] = [];
  const weights: WeightEntry[] = [];
  for (const [name, t] of Object.entries(tensors)) {
    const values = Array.from(t.dataSync());
    if (dtype === 'float16') {
      parts.push(new Uint8Array(new Uint16Array(values.map(toFloat16)).buffer));
      weights.push({ name, shape: t.shape, dtype: 'float32', quantization: { dtype: 'float16', original_dtype: 'float32' } });
    } else {
      const min = Math.min(...values);
      const scale = (Math.max(...values) - min) / 255 || 1;
      parts.push(new Uint8Array(values.map((v) => Math.round((v - min) / scale))));
      weights.push({ name, shape: t.shape, dtype: 'float32', quantization: { dtype: 'uint8', scale, min, original_dtype: 'float32' } });
    }
  }
  tf.dispose(Object.values(tensors));
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  parts.reduce((offset, p) => {
    bytes.set(p, offset);
    return offset + p.byteLength;
  }, 0);
  return { json: { ...saved.json, weightsManifest: [{ paths: ['q.bin'], weights }] }, files: new Map([['q.bin', bytes]]) };
}

describe('weight files', () => {
  const small = () =>
    tf.sequential({
      name: 'small',
      layers: [tf.layers.dense({ inputShape: [5], units: 8, activation: 'relu', name: 'd1' }), tf.layers.dense({ units: 3, name: 'd2' })],
    });

  it('names a TF.js graph model for what it is and says where it opens', () => {
    for (const file of [
      {
        format: 'graph-model',
        generatedBy: '2.8.0',
        modelTopology: { node: [{ name: 'x', op: 'Placeholder' }], versions: {} },
        weightsManifest: [],
      },
      { modelTopology: { node: [], library: {} }, weightsManifest: [] },
    ]) {
      const imported = importTopology(file);
      expect(imported).toMatchObject({ ok: false, kind: 'tfjs-graph' });
      expect(imported.diagnostics).toMatchObject([{ code: 'import_failed', severity: 'error' }]);
      expect(imported.diagnostics[0]?.message).toMatch(/graph model: a frozen graph of operations.*for prediction only/);
      expect(imported.diagnostics[0]?.message).toMatch(/cannot be edited or fine-tuned.*opens for prediction and its activations/);
      expect(imported.diagnostics[0]?.hint).toMatch(/Open a graph model \(\/models\/open\).*netcanvas summary.*tfjs_layers_model/);
    }
  });

  it('imports the topology and reports an error when the manifest names a file that is missing', async () => {
    const model = small();
    const saved = await save(model);
    const imported = await importModel(tf, saved.json, { readFile: async () => undefined });
    expect(imported.ok).toBe(true);
    expect(imported.weights).toBeUndefined();
    expect(imported.diagnostics).toMatchObject([{ code: 'weights_mismatch', severity: 'error' }]);
    expect(imported.diagnostics[0]?.message).toContain('group1-shard1of1.bin');
    model.dispose();
  });

  it('reports why a reader that throws could not read the file', async () => {
    const model = small();
    const saved = await save(model);
    const imported = await importModel(tf, saved.json, {
      readFile: async () => {
        throw new Error('EACCES');
      },
    });
    expect(imported.ok).toBe(true);
    expect(imported.weights).toBeUndefined();
    expect(imported.diagnostics).toMatchObject([{ code: 'weights_mismatch', severity: 'error' }]);
    expect(imported.diagnostics[0]?.message).toMatch(/group1-shard1of1\.bin" named in model\.json cannot be read: EACCES/);
    model.dispose();
  });

  it('reports a truncated weight file with the sizes, and loads no weights', async () => {
    const model = small();
    const saved = await save(model);
    const bytes = saved.files.get('group1-shard1of1.bin') as Uint8Array;
    const imported = await importModel(tf, saved.json, { readFile: async () => bytes.slice(0, bytes.byteLength - 7) });
    expect(imported.weights).toBeUndefined();
    expect(imported.diagnostics).toMatchObject([{ code: 'weights_mismatch', severity: 'error' }]);
    expect(imported.diagnostics[0]?.message).toContain(String(bytes.byteLength));
    model.dispose();
  });

  it('joins the shards of a weight group in manifest order', async () => {
    const model = small();
    const saved = await save(model);
    const bytes = saved.files.get('group1-shard1of1.bin') as Uint8Array;
    const cut = 50;
    const sharded: SavedModel = {
      json: { ...saved.json, weightsManifest: [{ ...(saved.json.weightsManifest[0] as WeightsManifestGroup), paths: ['s1', 's2'] }] },
      files: new Map([
        ['s1', bytes.slice(0, cut)],
        ['s2', bytes.slice(cut)],
      ]),
    };
    await expectSamePredictions(model, sharded);
    model.dispose();
  });

  it('refuses a malformed weights manifest', () => {
    const imported = importTopology({ modelTopology: { class_name: 'Sequential', config: [] }, weightsManifest: [{ paths: 'x.bin' }] });
    expect(imported).toMatchObject({ ok: false, diagnostics: [{ code: 'import_failed' }] });
  });

  it('decodes uint8-quantized weights (value = min + q × scale) and predicts close to the original', async () => {
    const model = small();
    const saved = await quantized(await save(model), 'uint8');
    const imported = await importModel(tf, saved.json, { readFile: reader(saved.files) });
    const weights = imported.weights as tf.NamedTensorMap;
    for (const w of model.weights) {
      const entry = saved.json.weightsManifest[0]?.weights.find((e) => e.name === w.originalName);
      const decoded = weights[w.originalName] as tf.Tensor;
      expect(decoded.dtype).toBe('float32');
      expect(maxAbsDiff(decoded, w.read())).toBeLessThanOrEqual((entry?.quantization?.scale ?? 0) / 2 + 1e-6);
    }
    tf.dispose(Object.values(weights));
    await expectSamePredictions(model, saved, 0.05);
    model.dispose();
  });

  it('decodes float16-quantized weights', async () => {
    const model = small();
    const saved = await quantized(await save(model), 'float16');
    expect(saved.files.get('q.bin')?.byteLength).toBe(2 * model.countParams());
    const imported = await importModel(tf, saved.json, { readFile: reader(saved.files) });
    const weights = imported.weights as tf.NamedTensorMap;
    for (const w of model.weights) expect(maxAbsDiff(weights[w.originalName] as tf.Tensor, w.read())).toBeLessThan(1e-3);
    tf.dispose(Object.values(weights));
    await expectSamePredictions(model, saved, 5e-3);
    model.dispose();
  });

  it('refuses weights that belong to another model, and changes nothing', async () => {
    const model = small();
    const other = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [5], units: 7, name: 'd1' }), tf.layers.dense({ units: 3, name: 'd2' })],
    });
    const saved = await save(other);
    const imported = await importModel(tf, (await save(model)).json, { readFile: reader(saved.files) });
    // The manifest is the model's own; the bytes are the other model's and too few.
    expect(imported.weights).toBeUndefined();
    const compiled = compileGraph(tf, imported.doc as NonNullable<typeof imported.doc>);
    if (!compiled.ok) throw new Error('compile failed');
    const named = tf.io.decodeWeights(
      saved.files.get('group1-shard1of1.bin')?.slice().buffer as ArrayBuffer,
      saved.json.weightsManifest[0]?.weights as tf.io.WeightsManifestEntry[],
    );
    const before = compiled.model.getWeights().map((w) => w.dataSync().slice());
    const result = assignWeights(compiled.model, named);
    expect(result.ok).toBe(false);
    expect(result.assigned).toBe(0);
    expect(result.diagnostics.map((d) => d.code)).toContain('weights_mismatch');
    expect(result.diagnostics.some((d) => /shape \[5, 7\].*needs \[5, 8\]/.test(d.message))).toBe(true);
    for (const [i, w] of compiled.model.getWeights().entries())
      expect(Array.from(w.dataSync())).toEqual(Array.from(before[i] as Float32Array));
    tf.dispose(Object.values(named));
    compiled.model.dispose();
    model.dispose();
    other.dispose();
  });
});

describe('old TF.js files', () => {
  it('reads the TF.js 0.8 LeNet (Sequential as a bare list, VarianceScaling with null mode): 61,706 params', async () => {
    const imported = await importModel(tf, readFileSync(join(MODELS, 'tfjs083-lenet-sequential.json'), 'utf8'));
    expect(imported.ok).toBe(true);
    expect(imported.kind).toBe('tfjs-layers');
    const doc = imported.doc as NonNullable<typeof imported.doc>;
    const analysis = analyse(doc);
    expect(hasErrors([...imported.diagnostics, ...analysis.diagnostics])).toBe(false);
    expect(analysis.totals.params).toBe(61_706);
    expect(analysis.inputs.map((id) => analysis.nodes[id]?.outputShapes?.[0])).toEqual([[null, 28, 28, 1]]);
  });
});
