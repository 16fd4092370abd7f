import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { readGraphModelInfo } from '../../../engine/graph-model/graph-model-file';
import { imageInputSize, type Picture, pictureInput, valuesInput } from '../../../engine/graph-model/graph-model-input';
import { outputView } from '../../../engine/graph-model/graph-model-output';
import { runGraphModel } from '../../../engine/graph-model/graph-model-run';
import { type OpenedGraphModel, openGraphModel } from '../../../engine/graph-model/open-graph-model';
import { isProbabilities, topValues } from '../../../engine/inspect/top-values';
import { FIXTURES } from '../../support/fixtures';

const DIR = join(FIXTURES, 'graph-models');
const RACCOONS = join(FIXTURES, 'detection', 'raccoon-voc', 'images');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const reader = (files: Record<string, Uint8Array | undefined>) => async (path: string) => files[path];
const bin = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

async function picture(file: string): Promise<Picture> {
  const { data, info } = await sharp(join(RACCOONS, file)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, rgba: new Uint8Array(data) };
}

let tf: typeof tfjs;
const opened: Record<string, Extract<OpenedGraphModel, { ok: true }>> = {};

beforeAll(async () => {
  tf = await nodeTf();
  for (const name of ['emotion', 'selfie']) {
    const result = await openGraphModel(tf, text(`${name}.json`), reader({ [`${name}.bin`]: bin(`${name}.bin`) }), `${name}.json`);
    if (!result.ok) throw new Error(result.diagnostics[0]?.message);
    opened[name] = result;
  }
});

afterAll(() => {
  for (const o of Object.values(opened)) o.model.dispose();
});

describe('a real graph model read from its model.json alone', () => {
  it('has the inputs, outputs, operations and weights the file records', () => {
    const info = readGraphModelInfo(JSON.parse(text('emotion.json')));
    expect(info.inputs).toEqual([{ name: 'input_1', shape: [null, 64, 64, 1], dtype: 'float32' }]);
    expect(info.outputs).toEqual([{ name: 'Identity', shape: [null, 7], dtype: 'float32' }]);
    expect(info.operations).toBe(21);
    expect(info.opTypes.map((t) => t.op)).toEqual(
      expect.arrayContaining(['_FusedConv2D', 'DepthwiseConv2dNative', 'MaxPool', 'AddV2', 'Relu', 'Mean', 'Softmax']),
    );
    expect(info.weights).toMatchObject({ tensors: 23, bytes: 820_516 });
    expect(info.shards).toEqual([{ paths: ['emotion.bin'], bytes: 820_516 }]);
  });

  it('takes the signature at the top of model.json too (selfie), with a fixed batch of one', () => {
    const info = readGraphModelInfo(JSON.parse(text('selfie.json')));
    expect(info.inputs).toEqual([{ name: 'input_1', shape: [1, 256, 256, 3], dtype: 'float32' }]);
    expect(info.outputs).toEqual([{ name: 'activation_10', shape: [1, 256, 256, 1], dtype: 'float32' }]);
    expect(imageInputSize(info.inputs[0] as never)).toEqual({ height: 256, width: 256, channels: 3 });
  });
});

describe('predicting with a real graph model', () => {
  it('gives the emotion classifier a photo and gets 7 probabilities that sum to 1', async () => {
    const { model, info } = opened.emotion as NonNullable<(typeof opened)['emotion']>;
    for (const file of ['raccoon-31.jpg', 'raccoon-150.jpg']) {
      const x = pictureInput(tf, await picture(file), info.inputs[0] as never, 'signed');
      expect(x.shape).toEqual([1, 64, 64, 1]);
      const [min, max] = [x.min().dataSync()[0] as number, x.max().dataSync()[0] as number];
      expect(min).toBeGreaterThanOrEqual(-1);
      expect(max).toBeLessThanOrEqual(1);
      const before = tf.memory().numTensors;
      const [out] = await runGraphModel(tf, model, info, x);
      expect(tf.memory().numTensors).toBe(before);
      x.dispose();
      expect(out).toMatchObject({ layer: 'Identity', shape: [7] });
      const sum = Array.from(out?.values ?? []).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 4);
      expect(isProbabilities(out?.values ?? [])).toBe(true);
      expect(outputView(out?.shape ?? [])).toBe('classes');
      expect(topValues(out?.values ?? [], 3)).toHaveLength(3);
    }
  });

  it('segments a photo with the selfie model: a 256 × 256 mask of values in 0–1', async () => {
    const { model, info } = opened.selfie as NonNullable<(typeof opened)['selfie']>;
    const x = pictureInput(tf, await picture('raccoon-151.jpg'), info.inputs[0] as never, 'unit');
    const [mask] = await runGraphModel(tf, model, info, x);
    x.dispose();
    expect(mask?.shape).toEqual([256, 256, 1]);
    expect(outputView(mask?.shape ?? [])).toBe('image');
    expect(mask?.min).toBeGreaterThanOrEqual(0);
    expect(mask?.max).toBeLessThanOrEqual(1);
  });

  it('gives each intermediate node its activation: feature maps of the first convolution, in graph order', async () => {
    const { model, info, nodes } = opened.emotion as NonNullable<(typeof opened)['emotion']>;
    expect(nodes.length).toBeGreaterThan(10);
    expect(nodes.some((n) => n.op === 'Const' || n.op === 'Placeholder')).toBe(false);
    expect(nodes.at(-1)).toMatchObject({ name: 'Identity' });
    const conv = nodes.find((n) => n.op === '_FusedConv2D');
    expect(conv?.step).toBe(1);
    const x = pictureInput(tf, await picture('raccoon-31.jpg'), info.inputs[0] as never, 'signed');
    const outputs = await runGraphModel(tf, model, info, x, nodes);
    x.dispose();
    expect(outputs).toHaveLength(nodes.length);
    expect(outputs[0]).toMatchObject({ layer: conv?.name, className: '_FusedConv2D', shape: [31, 31, 32] });
    expect(outputView(outputs[0]?.shape ?? [])).toBe('maps');
    const softmax = outputs.find((o) => o.className === 'Softmax');
    expect(softmax?.shape).toEqual([7]);
  });

  it('takes typed numbers for an input, and says how many it needs when the count is wrong', () => {
    const { info } = opened.emotion as NonNullable<(typeof opened)['emotion']>;
    const ok = valuesInput(tf, new Array(64 * 64).fill(0), info.inputs[0] as never);
    expect(ok.shape).toEqual([1, 64, 64, 1]);
    ok.dispose();
    expect(() => valuesInput(tf, [1, 2, 3], info.inputs[0] as never)).toThrow(
      'The input input_1 takes 4096 numbers ([?, 64, 64, 1]), not 3.',
    );
  });
});

describe('graph model files that do not open', () => {
  const json = () => JSON.parse(text('emotion.json'));

  it('names a weight file that is missing', async () => {
    const result = await openGraphModel(tf, json(), reader({}), 'emotion.json');
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'weights_mismatch', severity: 'error' }] });
    if (!result.ok) expect(result.diagnostics[0]?.message).toBe('The weight file emotion.bin named in emotion.json is missing.');
  });

  it('names a weight file of the wrong size, short or long', async () => {
    for (const data of [bin('emotion.bin').slice(0, 1000), new Uint8Array(820_520)]) {
      const result = await openGraphModel(tf, json(), reader({ 'emotion.bin': data }), 'emotion.json');
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.diagnostics[0]?.message).toBe(
          `The weight file emotion.bin holds ${data.byteLength.toLocaleString('en-US')} bytes, but emotion.json needs 820,516.`,
        );
    }
  });

  it('points a layers model to the import that opens it as a diagram', async () => {
    const layers = readFileSync(join(FIXTURES, 'models', 'tfjs-examples-abalone.json'), 'utf8');
    const result = await openGraphModel(tf, layers, reader({}), 'model.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]?.message).toBe('model.json is a TensorFlow.js layers model, not a graph model.');
      expect(result.diagnostics[0]?.hint).toMatch(/Import in the editor/);
    }
    const other = await openGraphModel(tf, '{"hello": 1}', reader({}), 'notes.json');
    expect(other.ok || other.diagnostics[0]?.message).toMatch(/notes.json is not a TensorFlow.js graph model/);
    const broken = await openGraphModel(tf, '{"format": "graph-model", "modelTopology": {', reader({}), 'model.json');
    expect(broken.ok).toBe(false);
  });

  it('names an operation TF.js lacks, and the node that uses it, without TF.js words', async () => {
    const file = json();
    const relu = file.modelTopology.node.find((n: { op: string }) => n.op === 'Relu');
    relu.op = 'FancyRelu';
    const result = await openGraphModel(tf, file, reader({ 'emotion.bin': bin('emotion.bin') }), 'emotion.json');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]).toMatchObject({ code: 'unsupported_feature', severity: 'error' });
      expect(result.diagnostics[0]?.message).toBe(
        `The model uses the operation FancyRelu (node ${relu.name}), which TensorFlow.js cannot run.`,
      );
      expect(result.diagnostics[0]?.message).not.toMatch(/issue|registerOp/);
    }
  });
});
