import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, weightReaderFor } from '../../cli/files';
import { MODELS } from '../support/fixtures';
import { runCli } from '../support/run-cli';

/** Files that are not what they seem, as a user hands them to the CLI. */
const MLP = join(MODELS, 'with-weights', 'tfjs2keras-mlp');

function modelCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-files-'));
  copyFileSync(join(MLP, 'model.json'), join(dir, 'model.json'));
  copyFileSync(join(MLP, 'weights.bin'), join(dir, 'weights.bin'));
  return dir;
}

describe('files that are not regular files', () => {
  it('refuses a FIFO as the model at once (exit 2), instead of waiting for a writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-fifo-'));
    const fifo = join(dir, 'model.json');
    execFileSync('mkfifo', [fifo]);
    const result = await runCli(['summary', fifo], { timeoutMs: 120_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`netcanvas: ${fifo}: is a named pipe (FIFO), not a file\n`);
  }, 240_000);

  it('refuses /dev/zero as the model at once (exit 2), instead of reading forever', async () => {
    const result = await runCli(['import', '/dev/zero', '-o', join(tmpdir(), 'never.json')], { timeoutMs: 120_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('netcanvas: /dev/zero: is a device, not a file\n');
  }, 240_000);

  it('names a weight shard that is a FIFO, with exit 1', async () => {
    const dir = modelCopy();
    execFileSync('rm', [join(dir, 'weights.bin')]);
    execFileSync('mkfifo', [join(dir, 'weights.bin')]);
    const result = await runCli(['import', join(dir, 'model.json'), '-o', join(dir, 'graph.json')], { timeoutMs: 120_000 });
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/weight file "weights\.bin" named in model\.json cannot be read: it is a named pipe/);
  }, 240_000);

  it('a PNG image named model.h5 is called a PNG image (exit 2), without its bytes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-png-'));
    const path = join(dir, 'model.h5');
    writeFileSync(path, Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52));
    const result = await runCli(['summary', path]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`netcanvas: ${path}: this is a PNG image, not a model file\n`);
  }, 240_000);

  it('reads UTF-16 JSON with a byte-order mark', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-utf16-'));
    const path = join(dir, 'model.json');
    const text = readFileSync(join(MLP, 'model.json'), 'utf8');
    writeFileSync(path, Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(text, 'utf16le')]));
    const result = await runCli(['summary', path, '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 240_000);
});

describe('weight files', () => {
  it('containment is by folder, not by name prefix: a sibling folder starting with the same name is outside', async () => {
    const root = mkdtempSync(join(tmpdir(), 'netcanvas-contain-'));
    mkdirSync(join(root, 'model'));
    mkdirSync(join(root, 'model-secrets'));
    writeFileSync(join(root, 'model-secrets', 'key.bin'), 'secret');
    writeFileSync(join(root, 'model', 'ok.bin'), 'fine');
    expect(isInside(join(root, 'model'), join(root, 'model-secrets', 'key.bin'))).toBe(false);
    expect(isInside(join(root, 'model'), join(root, 'model', 'ok.bin'))).toBe(true);
    const read = weightReaderFor(join(root, 'model', 'model.json'));
    await expect(read('../model-secrets/key.bin')).rejects.toThrow(/outside the model's folder/);
    await expect(read('ok.bin')).resolves.toEqual(new TextEncoder().encode('fine'));
    await expect(read('absent.bin')).resolves.toBeUndefined();
  });

  it('a truncated or missing shard is an error with exit 1, like a wrong-shaped weight', async () => {
    const truncated = modelCopy();
    truncateSync(join(truncated, 'weights.bin'), 10);
    const missing = modelCopy();
    execFileSync('rm', [join(missing, 'weights.bin')]);
    for (const [dir, pattern] of [
      [truncated, /hold 10 bytes, but the manifest needs/],
      [missing, /weight file "weights\.bin" named in model\.json is missing/],
    ] as const) {
      const result = await runCli(['import', join(dir, 'model.json'), '-o', join(dir, 'graph.json'), '--json']);
      expect(result.code).toBe(1);
      const out = JSON.parse(result.stdout) as { weights: boolean; diagnostics: { code: string; severity: string; message: string }[] };
      expect(out.weights).toBe(false);
      expect(out.diagnostics.find((d) => d.code === 'weights_mismatch')).toMatchObject({
        severity: 'error',
        message: expect.stringMatching(pattern),
      });
    }
  }, 240_000);
});

describe('memory bounds', () => {
  it('a tiny file declaring a 25,000 × 25,000 Dense layer is refused before any weights are built (exit 1)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-huge-'));
    const path = join(dir, 'huge.json');
    const model = {
      class_name: 'Sequential',
      config: { layers: [{ class_name: 'Dense', config: { units: 25000, batch_input_shape: [null, 25000] } }] },
    };
    writeFileSync(path, JSON.stringify(model));
    expect(readFileSync(path).byteLength).toBeLessThan(150);
    const result = await runCli(['export', path, '--format', 'tfjs', '-o', join(dir, 'out')], { timeoutMs: 120_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /625,025,000 parameters \(2\.3 GB of weights\); models are built with their weights only up to 250,000,000/,
    );
    expect(result.stderr).toMatch(/export Keras or TypeScript code/);
    const code = await runCli(['export', path, '--format', 'keras', '-o', join(dir, 'code')], { timeoutMs: 120_000 });
    expect(code.code).toBe(0);
  }, 240_000);

  it('a deeply nested JSON file is refused with a clear message (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-deep-'));
    const path = join(dir, 'deep.json');
    writeFileSync(path, `${'['.repeat(5_000_000)}${']'.repeat(5_000_000)}`);
    const result = await runCli(['summary', path], { timeoutMs: 120_000 });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`netcanvas: ${path}: the JSON nests more than 512 levels deep; no model file does, so it is not read\n`);
  }, 240_000);
});

describe('Keras 3 .keras files', () => {
  it('import writes the graph with the weights of the archive, exit 0', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-keras3-'));
    const model = new URL('../fixtures/keras3/flownet-final_model.keras', import.meta.url).pathname;
    const result = await runCli(['import', model, '-o', join(dir, 'graph.json')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Imported 8 layers \(10,786 params\) into .*graph\.json, with weights\./);
    const summary = await runCli(['summary', model, '--json']);
    expect((JSON.parse(summary.stdout) as { totalParams: number }).totalParams).toBe(10_786);
  }, 240_000);
});
