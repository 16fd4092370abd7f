import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { importModel } from '../../../engine/import/import-model';
import { keras3Weights, readKerasArchive, snakeCase } from '../../../engine/import/keras-archive';
import { FIXTURES } from '../../support/fixtures';

const DIR = join(FIXTURES, 'keras3');
const FILES: Record<string, { params: number; layers: string[]; keras: string; optimizer?: string }> = {
  'flownet-final_model.keras': {
    params: 10_786,
    layers: ['input_layer', 'dense', 'dropout', 'dense_1', 'leaky_re_lu', 'dense_2', 'leaky_re_lu_1', 'dense_3'],
    keras: '3.9.2',
    optimizer: 'adam',
  },
  'flownet-25-06-model.keras': {
    params: 17_026,
    layers: ['input_layer', 'dense', 'dense_1', 'dense_2', 'dense_3'],
    keras: '3.9.2',
    optimizer: 'adam',
  },
  // Conv2D/MaxPooling2D/Flatten/Dense; its compile_config records the loss but no optimizer.
  'mnist-cnn-nhanphamthanh.keras': {
    params: 93_322,
    layers: ['input_layer_2', 'conv2d_6', 'max_pooling2d_4', 'conv2d_7', 'max_pooling2d_5', 'conv2d_8', 'flatten_2', 'dense_4', 'dense_5'],
    keras: '3.8.0',
  },
};

let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

describe('Keras 3 .keras archives from public repositories', () => {
  for (const [file, expected] of Object.entries(FILES)) {
    it(`${file}: imports with Keras's parameter count and every weight of model.weights.h5 in its layer`, async () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, file)));
      const imported = await importModel(tf, bytes);
      expect(imported).toMatchObject({ ok: true, kind: 'keras-archive', kerasVersion: expected.keras });
      expect(imported.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
      const doc = imported.doc;
      if (!doc || !imported.weights) throw new Error('no graph or no weights');
      expect(doc.nodes.map((n) => n.name)).toEqual(expected.layers);
      const analysis = analyse(doc);
      expect(analysis.totals.params).toBe(expected.params);
      const compiled = compileGraph(tf, doc, analysis);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
      const assigned = assignWeights(compiled.model, imported.weights);
      expect(assigned.diagnostics).toEqual([]);
      expect(assigned.assigned).toBe(compiled.model.weights.length);
      // The kernel of the first layer with weights is the file's layers/<class>/vars/0, value for value.
      const read = await readKerasArchive(bytes);
      if (!read.ok || !read.archive.weights) throw new Error('archive not read');
      const fromFile = await keras3Weights(read.archive.weights, read.archive.config);
      if (!fromFile.ok) throw new Error(fromFile.message);
      const first = fromFile.layers[0];
      expect(first?.layerName).toBe(expected.layers[1]);
      const kernel = compiled.model.getLayer(compiled.layerNames.get(first?.layerName ?? '') as string).getWeights()[0];
      expect(Array.from(kernel?.dataSync() ?? [])).toEqual(Array.from(first?.arrays[0]?.values ?? []));
      expect(imported.doc?.training?.optimizer).toBe(expected.optimizer);
      tf.dispose(Object.values(imported.weights));
      compiled.model.dispose();
    });
  }

  it('names a zip archive that is not a Keras model, and a damaged one, without a stack trace', async () => {
    const notKeras = zipSync({ 'readme.txt': strToU8('hello') });
    const a = await importModel(tf, notKeras);
    expect(a.ok).toBe(false);
    expect(a.diagnostics[0]?.message).toBe('This zip archive is not a Keras model: it has no config.json.');
    const whole = new Uint8Array(readFileSync(join(DIR, 'flownet-25-06-model.keras')));
    const b = await importModel(tf, whole.slice(0, 2000));
    expect(b.ok).toBe(false);
    expect(b.diagnostics[0]?.message).toMatch(/zip archive could not be read; it may be truncated or damaged/);
  });

  it('numbers weight groups per class in snake case, as Keras does', () => {
    expect(['Dense', 'Conv2D', 'BatchNormalization', 'LSTM', 'GlobalAveragePooling2D', 'LeakyReLU', 'PReLU'].map(snakeCase)).toEqual([
      'dense',
      'conv2d',
      'batch_normalization',
      'lstm',
      'global_average_pooling2d',
      'leaky_re_lu',
      'p_re_lu',
    ]);
  });
});
