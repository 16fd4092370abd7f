import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { compileGraph } from '../../../engine/compile/compile';
import { kerasPython } from '../../../engine/export/keras-python';
import { tfjsArtifacts } from '../../../engine/export/tfjs-artifacts';
import { tfjsFactory } from '../../../engine/export/tfjs-factory';
import { tfjsTypescript } from '../../../engine/export/typescript';
import type { GraphDoc } from '../../../engine/graph/schema';
import { allLayerSpecs } from '../../../engine/layers/registry';
import { sampleGraphs } from '../../support/graphs';

// Generated TypeScript imports '@tensorflow/tfjs', so it must live inside the project to resolve it.
const OUT = new URL('../../../tmp/export-test/', import.meta.url).pathname;
const graphs = sampleGraphs().filter((g) => analyse(g.doc).diagnostics.every((d) => d.severity !== 'error'));

beforeAll(async () => {
  // wasm runs the big convolutional models (YOLO, DarkNet) in seconds where cpu takes minutes.
  await tf.setBackend('wasm');
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe('TF.js artifacts', () => {
  for (const { name, doc } of graphs) {
    it(`${name}: tf.loadLayersModel reads the export and predicts the same`, async () => {
      const compiled = compileGraph(tf, doc);
      if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
      const files = await tfjsArtifacts(tf, compiled.model);
      const json = files['model.json'] as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
      const loaded = await tf.loadLayersModel({
        load: async () => ({
          modelTopology: json.modelTopology,
          weightSpecs: json.weightsManifest[0]?.weights,
          weightData: files['weights.bin'].slice().buffer,
        }),
      });
      expect(loaded.countParams()).toBe(compiled.model.countParams());
      const inputs = compiled.model.inputs.map((t, i) =>
        t.dtype === 'int32'
          ? tf.zeros([1, ...(t.shape.slice(1) as number[])], 'int32')
          : tf.randomUniform([1, ...(t.shape.slice(1).map((d) => d ?? 8) as number[])], 0, 1, 'float32', i + 1),
      );
      const a = [compiled.model.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)].flat() as tf.Tensor[];
      const b = [loaded.predict(inputs.length === 1 ? (inputs[0] as tf.Tensor) : inputs)].flat() as tf.Tensor[];
      for (const [i, t] of a.entries()) expect(tf.max(tf.abs(tf.sub(t, b[i] as tf.Tensor))).dataSync()[0]).toBeLessThan(1e-5);
      tf.dispose([...inputs, ...a, ...b]);
      compiled.model.dispose();
      loaded.dispose();
    });
  }
});

describe('Keras Python', () => {
  for (const { name, doc } of graphs) {
    it(`${name}: is valid Python that builds every layer`, () => {
      const code = kerasPython(doc);
      const file = join(OUT, `${name.replace(/[^A-Za-z0-9]/g, '_')}.py`);
      writeFileSync(file, code);
      execFileSync('python3', ['-m', 'py_compile', file]);
      const analysis = analyse(doc);
      const layerCalls = (code.match(/= layers\.[A-Za-z0-9]+\(/g) ?? []).length;
      expect(layerCalls).toBe(analysis.order.length - analysis.inputs.length);
      expect((code.match(/keras\.Input\(/g) ?? []).length).toBe(analysis.inputs.length);
    });
  }
});

describe('Keras Python of a Bidirectional whose inner layer goes backwards', () => {
  it('gives Keras 3 the backward copy explicitly, going forwards, as TF.js builds it', () => {
    const doc: GraphDoc = {
      format: 'netcanvas.graph',
      version: 1,
      nodes: [
        { id: 'x', type: 'input', params: { shape: [10, 4] }, position: { x: 0, y: 0 } },
        {
          id: 'bi',
          type: 'bidirectional',
          params: { layer: { type: 'lstm', params: { units: 3, goBackwards: true } } },
          position: { x: 0, y: 0 },
        },
      ],
      edges: [{ id: 'e', source: 'x', target: 'bi' }],
    };
    expect(analyse(doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const code = kerasPython(doc);
    const line = code.split('\n').find((l) => l.includes('layers.Bidirectional(')) ?? '';
    const [forward = '', backward = ''] = line.split('backward_layer=');
    expect(forward).toMatch(/layer=layers\.LSTM\(.*go_backwards=True/);
    expect(backward).toMatch(/^layers\.LSTM\(.*go_backwards=False.*name="backward_lstm"/);
    const file = join(OUT, 'bidirectional_backwards.py');
    writeFileSync(file, code);
    execFileSync('python3', ['-m', 'py_compile', file]);
  });
});

describe('TF.js TypeScript', () => {
  it('names a real tf.layers factory for every layer class', () => {
    for (const spec of allLayerSpecs()) {
      if (spec.type === 'unsupported' || spec.type === 'input') continue;
      const factory = tfjsFactory(tf, spec.keras.className);
      expect(factory, spec.keras.className).toBeDefined();
      expect(typeof (tf.layers as unknown as Record<string, unknown>)[factory as string], factory).toBe('function');
    }
  });

  it('derives the factory from the class name the way TF.js spells it, lower-case factories first', () => {
    expect(['ConvLSTM2D', 'PReLU', 'Cropping2D', 'SimpleRNN', 'Dense', 'Nope'].map((c) => tfjsFactory(tf, c))).toEqual([
      'convLstm2d',
      'prelu',
      'cropping2D',
      'simpleRNN',
      'dense',
      undefined,
    ]);
    expect(tfjsFactory(tf, 'RNN')).toBe('rnn');
  });

  for (const { name, doc } of graphs) {
    it(`${name}: runs and builds a model with the same parameters`, async () => {
      const file = join(OUT, `${name.replace(/[^A-Za-z0-9]/g, '_')}.ts`);
      writeFileSync(file, tfjsTypescript(tf, doc));
      const module = (await import(/* @vite-ignore */ file)) as { buildModel(): tf.LayersModel };
      const model = module.buildModel();
      expect(model.countParams()).toBe(analyse(doc).totals.params);
      model.dispose();
    });
  }

  it('type-checks under tsc --strict for every template and fixture model', () => {
    const dir = join(OUT, 'tsc');
    mkdirSync(dir, { recursive: true });
    for (const { name, doc } of graphs) writeFileSync(join(dir, `${name.replace(/[^A-Za-z0-9]/g, '_')}.ts`), tfjsTypescript(tf, doc));
    const compilerOptions = {
      strict: true,
      noEmit: true,
      module: 'esnext',
      moduleResolution: 'bundler',
      target: 'es2022',
      skipLibCheck: true,
      types: [],
    };
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['*.ts'] }));
    const tsc = new URL('../../../node_modules/.bin/tsc', import.meta.url).pathname;
    let output = '';
    try {
      execFileSync(tsc, ['-p', dir], { encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output.split('\n').slice(0, 10).join('\n')).toBe('');
  }, 120_000);
});
