import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../support/fixtures';
import { runCli } from '../support/run-cli';

const DIR = join(FIXTURES, 'graph-models');

describe('netcanvas on TF.js graph models', () => {
  it('summary prints the inputs, outputs, operations and weights of a real graph model, loaded and run with TF.js', async () => {
    const result = await runCli(['summary', join(DIR, 'emotion.json')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/a frozen TF\.js graph: prediction only, it cannot be edited or fine-tuned/);
    expect(result.stdout).toMatch(/Inputs:\n {2}input_1\s+\[\?, 64, 64, 1\]\s+float32/);
    expect(result.stdout).toMatch(/Outputs:\n {2}Identity\s+\[\?, 7\]\s+float32/);
    expect(result.stdout).toMatch(/Operations: 21 \(8 types\)\n {2}_FusedConv2D ×9, DepthwiseConv2dNative ×4/);
    expect(result.stdout).toMatch(/Weights: 23 tensors, 205,129 values, 820,516 bytes in emotion\.bin/);
    expect(result.stdout).toMatch(/Checked: loaded and run once with TF\.js \((wasm|cpu)\)/);
    expect(result.stdout).toMatch(/\/models\/open/);
    expect(result.stdout).toMatch(/--output_format tfjs_layers_model/);
    expect(result.stderr).toBe('');
  });

  it('summary --json gives the same facts as data', async () => {
    const result = await runCli(['summary', join(DIR, 'selfie.json'), '--json']);
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout);
    expect(out).toMatchObject({
      kind: 'tfjs-graph',
      frozen: true,
      inputs: [{ name: 'input_1', shape: [1, 256, 256, 3], dtype: 'float32' }],
      outputs: [{ name: 'activation_10', shape: [1, 256, 256, 1], dtype: 'float32' }],
      operations: 224,
      weights: { tensors: 136, bytes: 212_886 },
      diagnostics: [],
    });
    expect(out.opTypes.map((t: { op: string }) => t.op)).toContain('Conv2DBackpropInput');
  });

  it('summary names a weight file of the wrong size and exits 1; without the weight files it still summarises', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-graph-'));
    copyFileSync(join(DIR, 'emotion.json'), join(dir, 'emotion.json'));
    const alone = await runCli(['summary', join(dir, 'emotion.json'), '--json']);
    expect(alone.code).toBe(0);
    expect(JSON.parse(alone.stdout).diagnostics[0]).toMatchObject({ severity: 'info', message: expect.stringMatching(/emotion\.bin/) });
    writeFileSync(join(dir, 'emotion.bin'), readFileSync(join(DIR, 'emotion.bin')).subarray(0, 4096));
    const short = await runCli(['summary', join(dir, 'emotion.json')]);
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(
      /error\[weights_mismatch\]: The weight file emotion\.bin holds 4,096 bytes, but emotion\.json needs 820,516\./,
    );
    expect(short.stdout).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });

  it('import recognises a graph model: it says it is frozen and where it opens instead', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-graph-'));
    const result = await runCli(['import', join(DIR, 'emotion.json'), '-o', join(dir, 'graph.json')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/This is a TensorFlow\.js graph model: a frozen graph of operations/);
    expect(result.stdout).toMatch(/cannot be edited or fine-tuned/);
    expect(result.stdout).toMatch(/hint: Open it with Open a graph model \(\/models\/open\).*netcanvas summary/);
  });
});
