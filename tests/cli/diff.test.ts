import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/fixtures';
import { runCli } from '../support/run-cli';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);

describe('netcanvas diff', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-diff-'));
  const tfjs = join(dir, 'tfjs', 'model.json');
  const onnx = join(dir, 'onnx', 'model.onnx');

  beforeAll(async () => {
    // One network in two formats: TF.js files from a template, and the ONNX file exported from them.
    expect((await runCli(['export', 'template:lenet5', '--format', 'tfjs', '-o', join(dir, 'tfjs')])).code).toBe(0);
    expect((await runCli(['export', tfjs, '--format', 'onnx', '-o', join(dir, 'onnx')])).code).toBe(0);
  }, 120_000);

  it('finds a TF.js model and its ONNX export the same network, weights included (exit 0)', async () => {
    const result = await runCli(['diff', tfjs, onnx]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('9 of 9 layers matched · no differences');
    expect(result.stdout).toMatch(/weights: 10 tensors compared, max \|Δ\| 0\n/);
  });

  it('prints each difference and exits 1: an edited copy', async () => {
    const edited = JSON.parse(readFileSync(tfjs, 'utf8')) as {
      modelTopology: { config: { layers: { config: Record<string, unknown> }[] } };
    };
    const layers = edited.modelTopology.config.layers;
    const dense = layers.find((l) => l.config.units === 84);
    if (!dense) throw new Error('no 84-unit dense layer');
    dense.config.activation = 'tanh';
    const path = join(dir, 'tfjs', 'edited.json');
    writeFileSync(path, JSON.stringify(edited));
    const result = await runCli(['diff', onnx, path]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toContain('9 of 9 layers matched · 1 changed');
    expect(result.stdout).toContain('~ dense_2_Gemm (dense) ↔ dense_2 (dense)\n    Activation: relu → tanh');
  });

  it('compares real files of two formats: VGG-19 as ONNX against VGG-16 as Caffe, as JSON', async () => {
    const result = await runCli([
      'diff',
      join(FIXTURES, 'onnx', 'caffe2-light_vgg19.onnx'),
      join(FIXTURES, 'caffe', 'vgg16-deploy.prototxt'),
      '--json',
    ]);
    expect(result.code, result.stderr).toBe(1);
    const json = JSON.parse(result.stdout) as { summary: Record<string, unknown>; onlyA: { type: string }[] };
    expect(json.summary).toMatchObject({ matched: 25, changed: 0, onlyA: 3, onlyB: 0, identical: false });
    expect(json.onlyA.map((l) => l.type)).toEqual(['conv2d', 'conv2d', 'conv2d']);
  });

  it.each([
    { args: ['diff', 'template:lenet5'], message: 'diff: two model files are needed' },
    { args: ['diff', 'template:lenet5', join(dir, 'missing.onnx')], message: 'missing.onnx: no such file' },
    { args: ['diff', 'template:lenet5', 'template:mlp', '--tolerance', 'x'], message: '--tolerance must be a number' },
  ])('exits 2 with one clear line: $message', async ({ args, message }) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    noStack(result.stderr);
  });
});
