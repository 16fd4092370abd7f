import type * as tfjs from '@tensorflow/tfjs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { compileGraph } from '../../../engine/compile/compile';
import { kerasWeightsH5 } from '../../../engine/export/keras-weights-h5';
import { kerasVariableGroups } from '../../../engine/export/keras-weights-plan';
import { PROOF_TOLERANCE } from '../../../engine/export/proof/proof';
import { proveKerasWeights } from '../../../engine/export/proof/prove-keras-weights';
import { proveOnnx } from '../../../engine/export/proof/prove-onnx';
import { proveTfjs } from '../../../engine/export/proof/prove-tfjs';
import { sampleInputs } from '../../../engine/export/proof/sample-inputs';
import { tfjsArtifacts } from '../../../engine/export/tfjs-artifacts';
import type { GraphDoc } from '../../../engine/graph/schema';
import { exportOnnx } from '../../../engine/onnx/export/export-onnx';
import { encodeModel, onnx } from '../../../engine/onnx/proto';
import { TEMPLATES } from '../../../engine/templates';
import { randomiseStatistics } from '../../support/onnx-runtime';

let tf: typeof tfjs;
beforeAll(async () => {
  tf = await nodeTf();
});

/** Templates of each family: dense, convolutional, recurrent over tokens, residual. */
const NAMES = ['mlp', 'lenet5', 'lstm-text', 'resnet-small'];

function template(name: string): GraphDoc {
  const t = TEMPLATES.find((x) => x.name === name);
  if (!t) throw new Error(`no template ${name}`);
  return t.build();
}

/** A template compiled with seeded random weights (kernels from seeded initialisers, biases and statistics randomised). */
function compiled(name: string) {
  const doc = template(name);
  const analysis = analyse(doc);
  const out = compileGraph(tf, doc, analysis);
  if (!out.ok) throw new Error(JSON.stringify(out.diagnostics));
  randomiseStatistics(tf, out.model, 11);
  return { doc, analysis, model: out.model };
}

describe('proving a TF.js export', () => {
  for (const name of NAMES) {
    it(`reloads ${name} from its files and predicts the same`, async () => {
      const { model } = compiled(name);
      const files = await tfjsArtifacts(tf, model);
      const inputs = sampleInputs(model, 4, 3);
      const proof = await proveTfjs(
        tf,
        model,
        { 'model.json': JSON.stringify(files['model.json']), 'weights.bin': files['weights.bin'] },
        inputs,
      );
      expect(proof.problems).toEqual([]);
      expect(proof.status).toBe('passed');
      expect(proof.samples).toBe(4);
      expect(proof.maxAbsDiff).toBeLessThanOrEqual(PROOF_TOLERANCE);
      expect(proof.message).toMatch(/^Checked: reloaded in TF\.js, predictions match the original (exactly|within \S+) on 4 samples\.$/);
      model.dispose();
    });
  }

  it('detects flipped weights and says what differed', async () => {
    const { model } = compiled('mlp');
    const files = await tfjsArtifacts(tf, model);
    const floats = new Float32Array(files['weights.bin'].slice().buffer);
    for (let i = 0; i < floats.length; i++) floats[i] = -(floats[i] as number);
    const proof = await proveTfjs(
      tf,
      model,
      { 'model.json': files['model.json'], 'weights.bin': new Uint8Array(floats.buffer) },
      sampleInputs(model),
    );
    expect(proof.status).toBe('failed');
    expect(proof.message).toMatch(/^Check failed: reloaded in TF\.js, predictions differ from the original by up to /);
    expect(proof.problems[0]).toMatch(/predictions differ by up to .* more than the tolerance/);
    model.dispose();
  });

  it('reports a weights file that is too short as a load failure, not a crash', async () => {
    const { model } = compiled('mlp');
    const files = await tfjsArtifacts(tf, model);
    const proof = await proveTfjs(
      tf,
      model,
      { 'model.json': files['model.json'], 'weights.bin': files['weights.bin'].slice(0, 100) },
      sampleInputs(model),
    );
    expect(proof.status).toBe('failed');
    expect(proof.message).toMatch(/^Check failed: TF\.js could not load the files: /);
    model.dispose();
  });
});

describe('proving an ONNX export in ONNX Runtime', () => {
  for (const name of NAMES) {
    it(`runs ${name} in ONNX Runtime and matches TF.js`, async () => {
      const { doc, analysis, model } = compiled(name);
      const exported = exportOnnx(doc, analysis, model);
      if (!exported.ok) throw new Error(JSON.stringify(exported.diagnostics));
      const proof = await proveOnnx(tf, model, exported.bytes, sampleInputs(model, 4, 5), ort);
      expect(proof.problems).toEqual([]);
      expect(proof.status).toBe('passed');
      expect(proof.maxAbsDiff).toBeGreaterThanOrEqual(0);
      expect(proof.maxAbsDiff).toBeLessThanOrEqual(PROOF_TOLERANCE);
      expect(proof.message).toMatch(/^Checked: reloaded in ONNX Runtime, predictions match TF\.js (exactly|within \S+) on 4 samples\.$/);
      model.dispose();
    });
  }

  it('detects an ONNX file whose weights were flipped', async () => {
    const { doc, analysis, model } = compiled('lenet5');
    const exported = exportOnnx(doc, analysis, model);
    if (!exported.ok) throw new Error('export failed');
    const decoded = onnx.ModelProto.decode(exported.bytes);
    for (const init of decoded.graph?.initializer ?? []) {
      if (init.dataType !== onnx.TensorProto.DataType.FLOAT || !init.rawData || init.rawData.length < 64) continue;
      const values = new Float32Array(Uint8Array.from(init.rawData).buffer);
      for (let i = 0; i < values.length; i++) values[i] = -(values[i] as number);
      init.rawData = new Uint8Array(values.buffer);
    }
    const corrupted = encodeModel(decoded);
    const proof = await proveOnnx(tf, model, corrupted, sampleInputs(model), ort);
    expect(proof.status).toBe('failed');
    expect(proof.message).toMatch(/^Check failed: reloaded in ONNX Runtime, predictions differ from TF\.js by up to /);
    expect(proof.problems.join(' ')).toMatch(/more than the tolerance/);
    model.dispose();
  });

  it('reports a file ONNX Runtime cannot read', async () => {
    const { doc, analysis, model } = compiled('mlp');
    const exported = exportOnnx(doc, analysis, model);
    if (!exported.ok) throw new Error('export failed');
    const proof = await proveOnnx(tf, model, exported.bytes.slice(0, exported.bytes.length >> 1), sampleInputs(model), ort);
    expect(proof.status).toBe('failed');
    expect(proof.message).toMatch(/^Check failed: ONNX Runtime could not load the file: /);
    model.dispose();
  });
});

describe('checking a Keras export without Keras', () => {
  it('reads every weight back from model.weights.h5 and says the model itself was not run', async () => {
    const { doc, analysis, model } = compiled('lenet5');
    const groups = kerasVariableGroups(doc, analysis, model);
    const proof = await proveKerasWeights(await kerasWeightsH5(groups), groups);
    const count = groups.reduce((n, g) => n + g.arrays.length, 0);
    expect(count).toBeGreaterThan(4);
    expect(proof.status).toBe('not-checked');
    expect(proof.message).toBe(
      `Not checked: running model.py needs Keras. model.weights.h5 read back with h5wasm: all ${count} weight arrays match the model in shape and value.`,
    );
    model.dispose();
  });

  it('names the weight that differs from the model', async () => {
    const { doc, analysis, model } = compiled('mlp');
    const groups = kerasVariableGroups(doc, analysis, model);
    const bytes = await kerasWeightsH5(groups);
    const changed = groups.map((g) => ({ ...g, arrays: g.arrays.map((a) => ({ ...a, values: a.values.slice() })) }));
    const target = changed.find((g) => g.arrays.length > 0);
    if (!target?.arrays[0]) throw new Error('no weights');
    (target.arrays[0].values as Float32Array)[3] = 42;
    const proof = await proveKerasWeights(bytes, changed);
    expect(proof.status).toBe('failed');
    expect(proof.problems).toEqual([expect.stringMatching(new RegExp(`^${target.path}/0 differs at value 3: 42 in the model, `))]);
    model.dispose();
  });
});
