import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { importModel } from '../../../engine/import/import-model';
import type { WeightsManifestGroup } from '../../../engine/import/weights';
import { MODELS } from '../../support/fixtures';

const DIR = join(MODELS, 'with-weights');
const models = readdirSync(DIR).filter((d) => existsSync(join(DIR, d, 'model.json')));

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const readFile = (modelPath: string) => async (path: string) => {
  const full = join(dirname(modelPath), path);
  return existsSync(full) ? new Uint8Array(readFileSync(full)) : undefined;
};

/** TF.js's own loader on the same files: the reference our import must reproduce. */
async function loadReference(modelPath: string): Promise<tf.LayersModel> {
  const json = JSON.parse(readFileSync(modelPath, 'utf8'));
  const manifest = json.weightsManifest as WeightsManifestGroup[];
  const read = readFile(modelPath);
  const parts: Uint8Array[] = [];
  for (const group of manifest) for (const p of group.paths) parts.push((await read(p)) as Uint8Array);
  const data = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let offset = 0;
  for (const p of parts) {
    data.set(p, offset);
    offset += p.byteLength;
  }
  return tf.loadLayersModel({
    load: async () => ({
      modelTopology: json.modelTopology,
      weightSpecs: manifest.flatMap((g) => g.weights) as tf.io.WeightsManifestEntry[],
      weightData: data.buffer,
    }),
  });
}

/** The recorded input of a tfjs2keras model, or a seeded random batch of 2 for the others. */
function inputsFor(name: string, model: tf.LayersModel): tf.Tensor[] {
  const prefix = join(DIR, name, name.replace(/^tfjs2keras-/, ''));
  if (existsSync(`${prefix}.xs-data.json`)) {
    const data = JSON.parse(readFileSync(`${prefix}.xs-data.json`, 'utf8')) as number[][];
    const shapes = JSON.parse(readFileSync(`${prefix}.xs-shapes.json`, 'utf8')) as number[][];
    return data.map((d, i) => tf.tensor(d, shapes[i]));
  }
  return model.inputs.map((input, i) => tf.randomUniform([2, ...(input.shape.slice(1) as number[])], 0, 1, 'float32', 17 + i));
}

function recordedOutputs(name: string): tf.Tensor[] | null {
  const prefix = join(DIR, name, name.replace(/^tfjs2keras-/, ''));
  if (!existsSync(`${prefix}.ys-data.json`)) return null;
  const data = JSON.parse(readFileSync(`${prefix}.ys-data.json`, 'utf8')) as number[][];
  const shapes = JSON.parse(readFileSync(`${prefix}.ys-shapes.json`, 'utf8')) as number[][];
  return data.map((d, i) => tf.tensor(d, shapes[i]));
}

function maxRelativeError(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => {
    const scale = tf.maximum(tf.abs(b).max(), tf.scalar(1e-3));
    return tf.abs(tf.sub(a, b)).max().div(scale).dataSync()[0] as number;
  });
}

describe('complete models import with their weights', () => {
  for (const name of models) {
    it(`${name} predicts what tf.loadLayersModel predicts`, async () => {
      const path = join(DIR, name, 'model.json');
      const imported = await importModel(tf, readFileSync(path, 'utf8'), { readFile: readFile(path) });
      expect(imported.ok, JSON.stringify(imported.diagnostics)).toBe(true);
      expect(imported.weights, 'weights were loaded').toBeDefined();
      if (!imported.doc || !imported.weights) return;
      const compiled = compileGraph(tf, imported.doc);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
      const assigned = assignWeights(compiled.model, imported.weights);
      expect(assigned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(assigned.assigned).toBe(compiled.model.weights.length);
      const reference = await loadReference(path);
      const inputs = inputsFor(name, reference);
      const ours = [compiled.model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)].flat() as tf.Tensor[];
      const theirs = [reference.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)].flat() as tf.Tensor[];
      expect(ours.length).toBe(theirs.length);
      ours.forEach((o, i) => {
        expect(o.shape).toEqual(theirs[i]?.shape);
        expect(maxRelativeError(o, theirs[i] as tf.Tensor)).toBeLessThan(1e-5);
      });
      const recorded = recordedOutputs(name);
      for (const [i, r] of (recorded ?? []).entries()) expect(maxRelativeError(ours[i] as tf.Tensor, r)).toBeLessThan(1e-4);
      tf.dispose([...inputs, ...ours, ...theirs, ...(recorded ?? []), ...Object.values(imported.weights)]);
      compiled.model.dispose();
      reference.dispose();
    });
  }
});
