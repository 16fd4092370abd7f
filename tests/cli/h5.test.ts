import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { pool, runCli } from '../support/run-cli';

/** The Keras HDF5 files of tests/fixtures-made (see make-keras-h5.py) through the CLI, as a user runs it. */
const DIR = new URL('../fixtures-made/keras-h5/', import.meta.url).pathname;
const EXPECTED = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Record<
  string,
  { totalParams: number; trainableParams: number; layers: string[]; inputs: Tensor[]; outputs: Tensor[] }
>;
interface Tensor {
  shape: number[];
  data: number[];
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('netcanvas summary on Keras .h5 files', () => {
  it('prints the layers and totals of every model file (--json), exit 0', async () => {
    const files = Object.keys(EXPECTED);
    const results = await pool(files, 3, (f) => runCli(['summary', join(DIR, f), '--json']));
    files.forEach((file, i) => {
      const result = results[i];
      const expected = EXPECTED[file];
      if (!result || !expected) throw new Error('missing result');
      expect({ file, code: result.code, stderr: result.stderr }).toEqual({ file, code: 0, stderr: '' });
      const out = JSON.parse(result.stdout) as { totalParams: number; trainableParams: number; layers: { name: string }[] };
      expect(out.totalParams).toBe(expected.totalParams);
      expect(out.trainableParams).toBe(expected.trainableParams);
      expect(out.layers.map((l) => l.name)).toEqual(expected.layers);
    });
  }, 120_000);

  it('exits 1 with the diagnostic for a weights-only file and an HDF5 file that is no model, 2 for a damaged file', async () => {
    const [weightsOnly, notKeras, truncated] = await pool(['weights-only.h5', 'not-keras.h5', 'truncated.h5'], 3, (f) =>
      runCli(['summary', join(DIR, f), '--json']),
    );
    expect(weightsOnly?.code).toBe(1);
    const diagnostics = (JSON.parse(weightsOnly?.stdout ?? '{}') as { diagnostics: { code: string; message: string; hint?: string }[] })
      .diagnostics;
    expect(diagnostics[0]).toMatchObject({ code: 'import_failed' });
    expect(diagnostics[0]?.message).toMatch(/only weights/);
    expect(diagnostics[0]?.hint).toMatch(/to_json/);
    expect(notKeras?.code).toBe(1);
    expect(truncated?.code).toBe(2);
    expect(truncated?.stderr).toMatch(/^netcanvas: .*truncated\.h5: the HDF5 file could not be read; it may be truncated or damaged/);
    expect(truncated?.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe('netcanvas import and export of Keras .h5 files', () => {
  const out = mkdtempSync(join(tmpdir(), 'netcanvas-h5-'));

  for (const file of ['bilstm-tf-keras.h5', 'functional-two-inputs.h5', 'cnn-keras1.h5']) {
    it(`${file}: import writes the graph with its weights; the tfjs export predicts what the original did`, async () => {
      const expected = EXPECTED[file];
      if (!expected) throw new Error('no expectations');
      const dir = join(out, file.replace(/\.h5$/, ''));
      const graph = join(dir, 'graph.json');
      const imported = await runCli(['import', join(DIR, file), '-o', graph, '--json']);
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout)).toMatchObject({ imported: true, weights: true, totalParams: expected.totalParams });
      for (const f of ['graph.json', 'graph.weights.json', 'graph.weights.bin']) expect(existsSync(join(dir, f)), f).toBe(true);
      expect(JSON.parse(readFileSync(graph, 'utf8'))).toMatchObject({ format: 'netcanvas.graph' });

      const exported = await runCli(['export', graph, '--format', 'tfjs', '-o', join(dir, 'tfjs')]);
      expect(exported.code, exported.stderr).toBe(0);
      const model = await loadExported(join(dir, 'tfjs'));
      const inputs = expected.inputs.map((x) => tf.tensor(x.data, x.shape));
      const outputs = [model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)].flat() as tf.Tensor[];
      expect(outputs.map((o) => o.shape)).toEqual(expected.outputs.map((o) => o.shape));
      outputs.forEach((o, i) => {
        const want = expected.outputs[i]?.data ?? [];
        const error = Array.from(o.dataSync()).reduce((m, v, k) => Math.max(m, Math.abs(v - (want[k] ?? Number.NaN))), 0);
        expect(error).toBeLessThan(1e-4);
      });
      tf.dispose([...inputs, ...outputs]);
      model.dispose();
    }, 60_000);
  }

  it('exports an .h5 file directly, and exits 2 when importing a damaged one', async () => {
    const dir = join(out, 'direct');
    const exported = await runCli(['export', join(DIR, 'cnn-tf-keras.h5'), '--format', 'tfjs', '-o', dir]);
    expect(exported.code, exported.stderr).toBe(0);
    const model = await loadExported(dir);
    expect(model.countParams()).toBe(EXPECTED['cnn-tf-keras.h5']?.totalParams);
    model.dispose();
    const damaged = await runCli(['import', join(DIR, 'truncated.h5'), '-o', join(out, 'damaged.json')]);
    expect(damaged.code).toBe(2);
    expect(existsSync(join(out, 'damaged.json'))).toBe(false);
  }, 60_000);
});

/** TF.js's own loader on the exported model.json + weights.bin. */
async function loadExported(dir: string): Promise<tf.LayersModel> {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as {
    modelTopology: object;
    weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[];
  };
  const data = new Uint8Array(readFileSync(join(dir, 'weights.bin')));
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightData: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength),
    }),
  );
}
