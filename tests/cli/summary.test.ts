import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelFixtures } from '../support/fixtures';
import { pool, runCli } from '../support/run-cli';

describe('netcanvas summary on every real model file', () => {
  it('prints the totals TF.js computes, or exits 1 with diagnostics and no stack trace', async () => {
    const fixtures = modelFixtures();
    const results = await pool(fixtures, 3, (f) => runCli(['summary', f.path, '--json']));
    fixtures.forEach((fixture, i) => {
      const result = results[i];
      if (!result) throw new Error('missing result');
      expect(result.stderr, fixture.name).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
      const out = JSON.parse(result.stdout) as { totalParams: number; diagnostics: { severity: string; message: string }[] };
      if (fixture.expected) {
        expect({ name: fixture.name, code: result.code, totalParams: out.totalParams }).toEqual({
          name: fixture.name,
          code: 0,
          totalParams: fixture.expected.totalParams,
        });
      } else if (result.code !== 0) {
        expect(result.code, fixture.name).toBe(1);
        expect(out.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }
    });
  }, 300_000);
});

describe('netcanvas summary exit codes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'netcanvas-cli-'));

  it('prints a Keras-style table for a template', async () => {
    const result = await runCli(['summary', 'template:lenet5']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Layer \(type\)\s+Output Shape\s+Param #/);
    expect(result.stdout).toMatch(/Total params: 61,706/);
  });

  it('exits 1 with the node and a hint for a graph with errors', async () => {
    const path = join(dir, 'broken.json');
    writeFileSync(
      path,
      JSON.stringify({
        format: 'netcanvas.graph',
        version: 1,
        nodes: [
          { id: 'in', type: 'input', params: { shape: [28, 28] }, position: { x: 0, y: 0 } },
          { id: 'conv', type: 'conv2d', params: { filters: 8 }, position: { x: 0, y: 100 } },
        ],
        edges: [{ id: 'e1', source: 'in', target: 'conv' }],
      }),
    );
    const result = await runCli(['summary', path, '--json']);
    expect(result.code).toBe(1);
    const out = JSON.parse(result.stdout) as { diagnostics: { code: string; nodeId?: string; hint?: string }[] };
    const problem = out.diagnostics.find((d) => d.code === 'rank_mismatch');
    expect(problem?.nodeId).toBe('conv');
    expect(problem?.hint).toBeTruthy();
  });

  it('exits 2 for a missing file, invalid JSON, a bad command and missing arguments', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ not json');
    for (const args of [
      ['summary', join(dir, 'nope.json')],
      ['summary', bad],
      ['frobnicate', 'x'],
      ['summary'],
      ['export', bad, '--format', 'onnx', '-o', dir],
    ]) {
      const result = await runCli(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toMatch(/^netcanvas: /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
