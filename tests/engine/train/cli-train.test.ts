import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../../..');

/** `netcanvas train` trains with the same streaming trainer as the workers and keeps its JSON contract. */
describe('netcanvas train', () => {
  it('prints the final metrics as JSON, test accuracy included', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ['bin/netcanvas.js', 'train', 'template:mlp', '--data', 'builtin:spiral', '--epochs', '3', '--json'],
      {
        cwd: root,
      },
    );
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ epochs: 3, backend: 'wasm', dataset: 'spiral', trainSamples: 630, stoppedEarly: false });
    for (const key of ['loss', 'accuracy', 'valLoss', 'valAccuracy', 'testLoss', 'testAccuracy', 'wallTimeSeconds', 'samplesPerSecond']) {
      expect(typeof result[key], key).toBe('number');
    }
    expect(stderr).toMatch(/epoch 3\/3: loss/);
  });

  it('exits 2 for an unknown built-in dataset', async () => {
    const failed = await run(process.execPath, ['bin/netcanvas.js', 'train', 'template:mlp', '--data', 'builtin:nope'], {
      cwd: root,
    }).catch((e) => e);
    expect(failed.code).toBe(2);
  });
});
