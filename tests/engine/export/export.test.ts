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
import type { TrainingConfig } from '../../../engine/graph/training-config';
import { trainingFromKeras } from '../../../engine/import/training-config';
import { allLayerSpecs } from '../../../engine/layers/registry';
import { LOSSES } from '../../../engine/tasks/losses';
import { METRICS } from '../../../engine/tasks/metrics';
import type { PythonFunction } from '../../../engine/tasks/python-function';
import { TEMPLATES } from '../../../engine/templates';
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

/**
 * Global names each function of a Python file reads that the file never defines, imports or gets
 * from the builtins: what py_compile lets through and Keras would stop at, without running anything.
 */
const UNDEFINED_NAMES = `
import builtins, symtable, sys
top = symtable.symtable(open(sys.argv[1]).read(), sys.argv[1], "exec")
known = {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported()}
def walk(table):
    for child in table.get_children():
        for s in child.get_symbols():
            name = s.get_name()
            if s.is_referenced() and s.is_global() and name not in known and not hasattr(builtins, name):
                print(child.get_name() + ": " + name)
        walk(child)
walk(top)
`;

describe('Keras Python of the losses and metrics Keras has no built-in for', () => {
  const design = (templateName: string, training: Partial<TrainingConfig>): GraphDoc => {
    const doc = (TEMPLATES.find((t) => t.name === templateName) as (typeof TEMPLATES)[number]).build();
    return { ...doc, training: { ...doc.training, ...training } };
  };
  const topLevelDefs = (code: string) => [...code.matchAll(/^def ([a-z_]+)\(/gm)].map((m) => m[1]);
  const cases: { name: string; doc: GraphDoc; loss: string; metrics: string; defs: string[] }[] = [
    {
      name: 'a detector',
      doc: design('detector-small', { loss: 'centroidFocal', metrics: ['centreRecall'] }),
      loss: 'centroid_focal',
      metrics: '[centre_recall]',
      defs: ['_centre_focal', '_grid_parts', 'centroid_focal', 'centre_recall'],
    },
    {
      name: 'a detector judged by GIoU',
      doc: design('detector-small', { loss: 'centroidFocalGiou', metrics: [] }),
      loss: 'centroid_focal_giou',
      metrics: '[]',
      defs: ['_centre_focal', '_grid_parts', '_grid_boxes', '_box_giou', 'centroid_focal_giou'],
    },
    {
      name: 'an SSIM autoencoder',
      doc: design('autoencoder', { loss: 'ssim', metrics: ['psnr', 'ssim', 'mae'] }),
      loss: 'ssim',
      metrics: '[psnr, mean_ssim, "mae"]',
      defs: ['mean_ssim', 'ssim', 'psnr'],
    },
    {
      name: 'a segmenter trained on Dice',
      doc: design('unet-small', { loss: 'dice', metrics: ['meanIou', 'accuracy'] }),
      loss: 'dice',
      metrics: '[mean_iou, "accuracy"]',
      defs: ['dice', '_mask_classes', 'mean_iou'],
    },
    {
      name: 'a classifier (Keras built-ins only)',
      doc: design('mlp', { loss: 'categoricalCrossentropy', metrics: ['accuracy'] }),
      loss: '"categorical_crossentropy"',
      metrics: '["accuracy"]',
      defs: [],
    },
  ];
  it.each(cases)('$name: defines what it compiles with, and nothing else', ({ name, doc, loss, metrics, defs }) => {
    const code = kerasPython(doc);
    expect(topLevelDefs(code)).toEqual([...defs, 'build_model', 'compile_model']);
    expect(code).toContain(`        loss=${loss},\n        metrics=${metrics},\n`);
    expect(code.includes('from keras import ops\n')).toBe(defs.length > 0);
    const file = join(OUT, `objectives_${name.replace(/[^A-Za-z0-9]/g, '_')}.py`);
    writeFileSync(file, code);
    execFileSync('python3', ['-m', 'py_compile', file]);
    expect(execFileSync('python3', ['-c', UNDEFINED_NAMES, file], { encoding: 'utf8' })).toBe('');
  });

  it('comes back to its loss id from the compile config Keras 3 saves for a function loss', () => {
    for (const spec of Object.values(LOSSES)) {
      if (!spec.python) continue;
      expect(spec.python.name, spec.id).toBe(spec.keras);
      const saved = { loss: { module: 'model', class_name: 'function', config: spec.python.name, registered_name: spec.python.name } };
      expect(trainingFromKeras(saved)?.loss, spec.id).toBe(spec.id);
    }
  });

  it('tells Keras how to compute every registered loss and metric, each Python name defined once', () => {
    for (const spec of Object.values(METRICS)) expect(spec.keras ?? spec.python?.name, spec.id).toBeDefined();
    const wanted = [...Object.values(LOSSES), ...Object.values(METRICS)].flatMap((s) => (s.python ? [s.python] : []));
    const seen = new Map<string, unknown>();
    const visit = (fn: PythonFunction) => {
      expect(seen.get(fn.name) ?? fn, fn.name).toBe(fn);
      expect(fn.source.startsWith(`def ${fn.name}(`), fn.name).toBe(true);
      seen.set(fn.name, fn);
      for (const helper of fn.uses ?? []) visit(helper);
    };
    for (const fn of wanted) visit(fn);
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
