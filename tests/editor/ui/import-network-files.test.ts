import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { exportFiles } from '../../../components/editor/export-files';
import { importModelFiles, type ModelFile } from '../../../components/editor/import-model-files';
import { analyse } from '../../../engine/analysis/analyse';
import { NetParameter } from '../../../engine/caffe/caffe-schema';
import { relativeError, runOnnx, sampleInput } from '../../support/onnx-runtime';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

function file(name: string, bytes: Uint8Array): ModelFile {
  return { name, size: bytes.byteLength, arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer };
}
const fixture = (relative: string) => file(path.basename(relative), new Uint8Array(readFileSync(path.join(fixtures, relative))));
const deps = {
  loadTf: async () => {
    await tf.setBackend('cpu');
    return tf;
  },
};

describe('dropping ONNX and Caffe files on the editor', () => {
  it('opens an ONNX file with its weights, and exports it as ONNX with them', async () => {
    const source = fixture('onnx/tf2onnx-ort-batcher-mlp.onnx');
    const result = await importModelFiles([source], deps);
    expect(result.ok).toBe(true);
    if (!result.ok || !result.weights) throw new Error('no weights kept');
    expect(result.outcome).toMatchObject({ kind: 'onnx', placeholders: 0, weights: 32_288 });
    // One note per layer for an import report: every part of this file imported exactly.
    expect(result.notes?.filter((n) => n.nodeId).map((n) => n.status)).toEqual(new Array(result.doc.nodes.length - 1).fill('exact'));
    const { files, note } = await exportFiles('onnx', result.doc, analyse(result.doc), result.weights);
    expect(note).toBe('with the imported weights');
    expect(files.map((f) => f.name)).toEqual(['model.onnx']);
    const input = sampleInput([null, 7, 6, 4], 'float32', 9);
    const [original] = await runOnnx(new Uint8Array(await source.arrayBuffer()), [input]);
    const [exported] = await runOnnx(files[0]?.data as Uint8Array, [input]);
    expect(relativeError(exported?.data ?? [], original?.data ?? [])).toBeLessThan(1e-4);
    tf.dispose(Object.values(result.weights));
  });

  it('opens a Caffe prototxt, with the weights of the .caffemodel dropped with it', async () => {
    const prototxt = fixture('caffe/bvlc-lenet.prototxt');
    const alone = await importModelFiles([prototxt], { loadTf: () => Promise.reject(new Error('not needed')) });
    expect(alone.ok && alone.outcome).toMatchObject({ kind: 'caffe', weights: null });
    const blob = (dims: number[]) => ({ shape: { dim: dims }, data: new Array(dims.reduce((a, b) => a * b, 1)).fill(0.01) });
    const caffemodel = NetParameter.encode(
      NetParameter.fromObject({
        layer: [
          { name: 'conv1', blobs: [blob([20, 1, 5, 5]), blob([20])] },
          { name: 'conv2', blobs: [blob([50, 20, 5, 5]), blob([50])] },
          { name: 'ip1', blobs: [blob([500, 800]), blob([500])] },
          { name: 'ip2', blobs: [blob([10, 500]), blob([10])] },
        ],
      }),
    ).finish();
    const both = await importModelFiles([file('lenet_iter_10000.caffemodel', caffemodel), prototxt], deps);
    expect(both.ok && both.outcome).toMatchObject({ kind: 'caffe', fileName: 'bvlc-lenet.prototxt', weights: 431_080 });
    if (both.ok && both.weights) tf.dispose(Object.values(both.weights));
  });

  it('names the layers an ONNX export cannot express instead of writing a file', async () => {
    const doc = {
      format: 'netcanvas.graph' as const,
      version: 1 as const,
      nodes: [
        { id: 'in', type: 'input', params: { shape: [10] }, position: { x: 0, y: 0 } },
        { id: 'words', type: 'embedding', params: { inputDim: 50, outputDim: 8, maskZero: true }, position: { x: 0, y: 100 } },
        { id: 'flat', type: 'flatten', params: {}, position: { x: 0, y: 200 } },
      ],
      edges: [
        { id: 'e1', source: 'in', target: 'words' },
        { id: 'e2', source: 'words', target: 'flat' },
      ],
    };
    expect(analyse(doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    await expect(exportFiles('onnx', doc, analyse(doc))).rejects.toThrow(/Embedding "words" cannot be exported to ONNX: maskZero/);
  });
});
