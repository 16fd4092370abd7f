import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { importCaffe } from '../../../engine/caffe/import-caffe';
import { type ComparedModel, compareModels } from '../../../engine/compare/compare-models';
import { nodeWeightsFromNamed, nodeWeightsFromTensors } from '../../../engine/compare/node-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { tfjsArtifacts } from '../../../engine/export/tfjs-artifacts';
import type { GraphDoc } from '../../../engine/graph/schema';
import { importKerasH5, importModel } from '../../../engine/import/import-model';
import { exportOnnx } from '../../../engine/onnx/export/export-onnx';
import { importOnnx } from '../../../engine/onnx/import/import-onnx';
import { templateGraph } from '../../../engine/templates';
import { randomiseStatistics } from '../../support/onnx-runtime';

let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

/** A template compiled with seeded-random weights, exported to ONNX and to TF.js files, and both read back as files. */
async function exportedPair(name: string) {
  const doc = templateGraph(name) as GraphDoc;
  const analysis = analyse(doc);
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) throw new Error(`${name} does not compile`);
  randomiseStatistics(tf, compiled.model, 7);
  const design: ComparedModel = {
    doc,
    weights: nodeWeightsFromTensors(doc, Object.fromEntries(compiled.model.weights.map((w) => [w.originalName, w.read()]))),
  };
  const onnx = exportOnnx(doc, analysis, compiled.model);
  if (!onnx.ok) throw new Error(`${name} does not export to ONNX`);
  const fromOnnx = importOnnx(onnx.bytes);
  const artifacts = await tfjsArtifacts(tf, compiled.model);
  const fromTfjs = await importModel(tf, artifacts['model.json'], { readFile: async () => artifacts['weights.bin'] });
  compiled.model.dispose();
  if (!fromOnnx.doc || !fromOnnx.weightArrays || !fromTfjs.doc || !fromTfjs.weights) throw new Error(`${name} does not import back`);
  return {
    design,
    onnx: { doc: fromOnnx.doc, weights: nodeWeightsFromNamed(fromOnnx.doc, fromOnnx.weightArrays) },
    tfjs: { doc: fromTfjs.doc, weights: nodeWeightsFromTensors(fromTfjs.doc, fromTfjs.weights) },
  };
}

describe('a design exported to ONNX and imported back aligns with the original', () => {
  it.each(['lenet5', 'resnet-small', 'vgg-small', 'lstm-text', 'unet-small'])('%s', async (name) => {
    const { design, onnx } = await exportedPair(name);
    const c = compareModels(design, onnx);
    const unmatched = c.summary.layersA - c.summary.matched - c.equivalent.filter((e) => e.side === 'a').length;
    expect(unmatched).toBe(0);
    expect(c.summary).toMatchObject({ changed: 0, onlyA: 0, onlyB: 0, identical: true, paramsA: c.summary.paramsB });
    // Every layer with weights had each tensor compared.
    expect(c.summary.weights.tensors).toBe(Object.values(design.weights ?? {}).flat().length);
    expect(c.summary.weights.maxAbsDiff).toBeLessThan(1e-5);
    // Dropout is the one layer ONNX leaves out, and it is recognised as such.
    expect(c.equivalent.every((e) => e.kind === 'inference_no_op' && e.layer.type === 'dropout')).toBe(true);
  });
});

describe('the same network as an ONNX file and as TF.js files', () => {
  it('lenet5: every layer, every weight', async () => {
    const { onnx, tfjs } = await exportedPair('lenet5');
    const c = compareModels(tfjs, onnx);
    expect(c.summary).toMatchObject({ layersA: 9, layersB: 9, matched: 9, identical: true, weights: { tensors: 10, differing: 0 } });
    expect(c.summary.weights.maxAbsDiff).toBeLessThan(1e-5);
  });
});

describe('an edited copy shows exactly the edit', () => {
  it('a changed activation', async () => {
    const { design, onnx } = await exportedPair('lenet5');
    const target = onnx.doc.nodes.find((n) => n.type === 'dense' && n.params.units === 84);
    if (!target) throw new Error('no 84-unit dense layer');
    target.params = { ...target.params, activation: 'tanh' };
    const c = compareModels(design, onnx);
    expect(c.summary).toMatchObject({ matched: 9, changed: 1, onlyA: 0, onlyB: 0, identical: false });
    const changed = c.matches.filter((m) => m.status === 'changed');
    expect(changed.map((m) => [m.a.name, m.changes])).toEqual([
      ['dense_2', [{ path: 'params.activation', kind: 'changed', before: 'relu', after: 'tanh' }]],
    ]);
  });

  it('one weight nudged', async () => {
    const { design, onnx } = await exportedPair('lenet5');
    const id = onnx.doc.nodes.find((n) => n.type === 'conv2d')?.id as string;
    const kernel = onnx.weights[id]?.find((w) => w.name === 'kernel');
    if (!kernel) throw new Error('no kernel');
    kernel.values[3] = (kernel.values[3] as number) + 0.25;
    const c = compareModels(design, onnx);
    const changed = c.matches.filter((m) => m.status === 'changed');
    expect(changed.map((m) => m.a.name)).toEqual(['conv2d_1']);
    expect(changed[0]?.changes).toEqual([]);
    expect(changed[0]?.weights?.find((w) => w.name === 'kernel')?.maxAbsDiff).toBeCloseTo(0.25, 5);
    expect(c.summary.weights.differing).toBe(1);
  });

  it('a layer removed', async () => {
    const { design, onnx } = await exportedPair('mlp');
    const doc = structuredClone(design.doc);
    // dense_2 taken out: dense_1 feeds dense_3 directly.
    doc.nodes = doc.nodes.filter((n) => n.id !== 'dense_2');
    doc.edges = [
      ...doc.edges.filter((e) => e.source !== 'dense_2' && e.target !== 'dense_2'),
      { id: 'bridge', source: 'dense_1', target: 'dense_3' },
    ];
    const c = compareModels({ doc }, onnx);
    expect(c.onlyB.map((l) => l.name)).toEqual(['dense_2_Gemm']);
    expect(c.summary).toMatchObject({ matched: 3, onlyA: 0, onlyB: 1, changed: 0 });
    expect(c.connections).toEqual({ onlyA: [], onlyB: [] });
  });
});

const fixture = (path: string) => new Uint8Array(readFileSync(`tests/fixtures/${path}`));
const caffe = (file: string) => importCaffe(readFileSync(`tests/fixtures/caffe/${file}`, 'utf8')).doc as GraphDoc;
const onnxDoc = (file: string) => importOnnx(fixture(`onnx/${file}`)).doc as GraphDoc;

describe('real files of the same networks from other tools', () => {
  it("ResNet-50: onnx-caffe2's ONNX file and Kaiming He's Caffe prototxt", () => {
    const c = compareModels({ doc: onnxDoc('caffe2-light_resnet50.onnx') }, { doc: caffe('kaiminghe-resnet50-deploy.prototxt') });
    expect(c.summary).toMatchObject({ layersA: 181, layersB: 177, matched: 177, onlyB: 0 });
    // ONNX writes asymmetric padding as a separate ZeroPadding2D where Caffe pads the layer itself.
    expect(c.onlyA.map((l) => l.type)).toEqual(['zeroPadding2d', 'zeroPadding2d', 'zeroPadding2d', 'zeroPadding2d']);
    const changes = Object.fromEntries(
      c.matches.filter((m) => m.status === 'changed').map((m) => [m.b.name, m.changes.map((x) => x.path)]),
    );
    // The Caffe net keeps conv1's bias, and strides each stage's first block on its 1×1 convolution,
    // where the ONNX file strides on the 3×3 (the "v1.5" ResNet).
    expect(changes).toMatchObject({
      conv1_1: ['params.useBias'],
      res3a_branch2a: ['params.strides'],
      res3a_branch2b: ['params.padding', 'params.strides'],
      res4a_branch2a: ['params.strides'],
      res5a_branch2a: ['params.strides'],
    });
    expect(c.summary.paramsB - c.summary.paramsA).toBe(64);
  });

  it('VGG-19 (ONNX) against VGG-16 (Caffe): the three extra convolutions', () => {
    const c = compareModels({ doc: onnxDoc('caffe2-light_vgg19.onnx') }, { doc: caffe('vgg16-deploy.prototxt') });
    expect(c.summary).toMatchObject({ matched: 25, changed: 0, onlyA: 3, onlyB: 0 });
    expect(c.onlyA.map((l) => l.type)).toEqual(['conv2d', 'conv2d', 'conv2d']);
    expect(c.connections).toEqual({ onlyA: [], onlyB: [] });
  });

  it('GoogLeNet (ONNX against Caffe) aligns layer for layer, in a moment (63 ms when the machine is idle)', () => {
    const start = performance.now();
    const c = compareModels({ doc: onnxDoc('caffe2-light_inception_v1.onnx') }, { doc: caffe('bvlc-googlenet-deploy.prototxt') });
    expect(performance.now() - start).toBeLessThan(5000);
    expect(c.summary.matched).toBe(c.summary.layersB);
  });

  it('a Keras HDF5 file and its h5repack copy: the same weights', async () => {
    const read = async (name: string) => {
      const h5 = await importKerasH5(new Uint8Array(readFileSync(`tests/fixtures-made/keras-h5/${name}`)));
      if (!h5.doc || !h5.weightArrays) throw new Error(`${name} has no weights`);
      return { doc: h5.doc, weights: nodeWeightsFromNamed(h5.doc, h5.weightArrays) };
    };
    const c = compareModels(await read('mlp-keras2.h5'), await read('mlp-repacked.h5'));
    expect(c.summary).toMatchObject({ identical: true, weights: { maxAbsDiff: 0 } });
    expect(c.matches.every((m) => m.by === 'name')).toBe(true);
  });
});
