import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NetParameter } from '../../engine/caffe/caffe-schema';
import { FIXTURES } from '../support/fixtures';
import { relativeError, runOnnx, sampleInput } from '../support/onnx-runtime';
import { runCli } from '../support/run-cli';

const ONNX = join(FIXTURES, 'onnx');
const CAFFE = join(FIXTURES, 'caffe');
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);

describe('netcanvas with ONNX files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-onnx-'));

  it('summarises an ONNX file with the parameter count of its weights', async () => {
    const result = await runCli(['summary', join(ONNX, 'tf2onnx-ort-batcher-mlp.onnx'), '--json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { totalParams: number }).totalParams).toBe(32_288);
  });

  it('imports an ONNX file with its weights and exports it back to ONNX that predicts the same', async () => {
    const source = join(ONNX, 'tf2onnx-ort-batcher-mlp.onnx');
    const graph = join(dir, 'mlp.json');
    const imported = await runCli(['import', source, '-o', graph]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toMatch(/with weights/);
    const out = join(dir, 'mlp-onnx');
    const exported = await runCli(['export', graph, '--format', 'onnx', '-o', out]);
    expect(exported.code, exported.stderr).toBe(0);
    const input = sampleInput([null, 7, 6, 4], 'float32', 3);
    const [before] = await runOnnx(new Uint8Array(readFileSync(source)), [input]);
    const [after] = await runOnnx(new Uint8Array(readFileSync(join(out, 'model.onnx'))), [input]);
    expect(after?.shape).toEqual(before?.shape);
    expect(relativeError(after?.data ?? [], before?.data ?? [])).toBeLessThan(1e-4);
  });

  it('exports a template to ONNX, and refuses a design ONNX cannot express, naming the layer', async () => {
    const ok = await runCli(['export', 'template:resnet-small', '--format', 'onnx', '-o', join(dir, 'resnet')]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(existsSync(join(dir, 'resnet', 'model.onnx'))).toBe(true);
    const masked = join(dir, 'masked.json');
    writeFileSync(
      masked,
      JSON.stringify({
        format: 'netcanvas.graph',
        version: 1,
        nodes: [
          { id: 'in', type: 'input', params: { shape: [10] }, position: { x: 0, y: 0 } },
          { id: 'words', type: 'embedding', params: { inputDim: 50, outputDim: 8, maskZero: true }, position: { x: 0, y: 100 } },
          { id: 'flat', type: 'flatten', params: {}, position: { x: 0, y: 200 } },
        ],
        edges: [
          { id: 'e1', source: 'in', target: 'words' },
          { id: 'e2', source: 'words', target: 'flat' },
        ],
      }),
    );
    const refused = await runCli(['export', masked, '--format', 'onnx', '-o', join(dir, 'masked')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Embedding "words" cannot be exported to ONNX: maskZero/);
    expect(existsSync(join(dir, 'masked', 'model.onnx'))).toBe(false);
  });

  it('says a damaged ONNX file cannot be read (exit 2), with no stack trace', async () => {
    const broken = join(dir, 'broken.onnx');
    writeFileSync(broken, readFileSync(join(ONNX, 'tf2onnx-ort-batcher-mlp.onnx')).subarray(0, 5000));
    const result = await runCli(['summary', broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/broken\.onnx: the file is not a readable ONNX model/);
    noStack(result.stderr);
  });
});

describe('netcanvas with Caffe files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-caffe-'));

  it('summarises a deploy.prototxt, and names the layers TF.js lacks (exit 1)', async () => {
    const vgg = await runCli(['summary', join(CAFFE, 'vgg16-deploy.prototxt'), '--json']);
    expect(vgg.code).toBe(0);
    expect((JSON.parse(vgg.stdout) as { totalParams: number }).totalParams).toBe(138_357_544);
    const alexnet = await runCli(['summary', join(CAFFE, 'bvlc-alexnet-deploy.prototxt')]);
    expect(alexnet.code).toBe(1);
    expect(alexnet.stdout).toMatch(/Caffe LRN "norm1" was kept as a placeholder/);
    noStack(alexnet.stdout + alexnet.stderr);
  });

  it('imports a prototxt with the .caffemodel beside it, or the one given with --weights', async () => {
    const prototxt = join(dir, 'lenet.prototxt');
    copyFileSync(join(CAFFE, 'bvlc-lenet.prototxt'), prototxt);
    const blob = (dims: number[]) => ({
      shape: { dim: dims },
      data: Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, i) => Math.sin(i) / 10),
    });
    const layer = [
      { name: 'conv1', blobs: [blob([20, 1, 5, 5]), blob([20])] },
      { name: 'conv2', blobs: [blob([50, 20, 5, 5]), blob([50])] },
      { name: 'ip1', blobs: [blob([500, 800]), blob([500])] },
      { name: 'ip2', blobs: [blob([10, 500]), blob([10])] },
    ];
    const model = NetParameter.encode(NetParameter.fromObject({ name: 'LeNet', layer })).finish();
    writeFileSync(join(dir, 'elsewhere.bin'), model);
    const given = await runCli(['import', prototxt, '-o', join(dir, 'given.json'), '--weights', join(dir, 'elsewhere.bin')]);
    expect(given.code, given.stderr).toBe(0);
    expect(given.stdout).toMatch(/Imported \d+ layers \(431,080 params\).*with weights/);
    writeFileSync(join(dir, 'lenet_iter_10000.caffemodel'), model);
    const beside = await runCli(['import', prototxt, '-o', join(dir, 'beside.json')]);
    expect(beside.stdout).toMatch(/with weights/);
    expect(existsSync(join(dir, 'beside.weights.json'))).toBe(true);
  });
});
