import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../engine/analysis/analyse';
import { nodeTf } from '../../engine/backends/node-tf';
import { compileGraph } from '../../engine/compile/compile';
import { encodeWeightsFile } from '../../engine/export/weights-file';
import { parseGraph } from '../../engine/graph/parse';
import { MODELS } from '../support/fixtures';
import { randomiseStatistics } from '../support/onnx-runtime';
import { runCli } from '../support/run-cli';

/** `netcanvas export` proves what it wrote and prints the proof's line; a failed proof exits 1. */
describe('netcanvas export proves its files', () => {
  it('prints the proof line of TF.js, ONNX and Keras exports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-proof-'));
    const tfjs = await runCli(['export', 'template:lenet5', '--format', 'tfjs', '-o', join(dir, 'tfjs')], { timeoutMs: 120_000 });
    expect(tfjs.code).toBe(0);
    expect(tfjs.stdout).toMatch(/^Checked: reloaded in TF\.js, predictions match the original (exactly|within \S+) on 4 samples\.$/m);
    const onnx = await runCli(['export', 'template:lenet5', '--format', 'onnx', '-o', join(dir, 'onnx')], { timeoutMs: 120_000 });
    expect(onnx.code).toBe(0);
    expect(onnx.stdout).toMatch(/^Checked: reloaded in ONNX Runtime, predictions match TF\.js (exactly|within \S+) on 4 samples\.$/m);
    const keras = await runCli(['export', 'template:lenet5', '--format', 'keras', '-o', join(dir, 'keras')], { timeoutMs: 120_000 });
    expect(keras.code).toBe(0);
    expect(keras.stdout).toMatch(
      /^Not checked: running model\.py needs Keras\. model\.weights\.h5 read back with h5wasm: all 10 weight arrays match/m,
    );
  }, 240_000);

  it('exits 1 and says what differed when ONNX Runtime does not reproduce TF.js', async () => {
    // On its cpu and wasm backends TF.js 4.22 normalises the last axis where a BatchNormalization asks for axis 1 of a 4-D tensor;
    // ONNX Runtime normalises axis 1, as Keras does. With statistics other than 0 and 1 the two differ,
    // so the ONNX file is honestly not what the TF.js model computes.
    const dir = mkdtempSync(join(tmpdir(), 'netcanvas-proof-'));
    const graph = join(dir, 'graph.json');
    const imported = await runCli(['import', join(MODELS, 'ml5-dcgan-face.json'), '-o', graph], { timeoutMs: 120_000 });
    // The file comes without its weight shards (exit 1 says so); the design is imported all the same.
    expect(imported.stdout).toMatch(/^Imported 16 layers/);
    const tf = await nodeTf();
    const parsed = parseGraph(JSON.parse(readFileSync(graph, 'utf8')));
    if (!parsed.ok) throw new Error('the imported graph does not parse');
    const compiled = compileGraph(tf, parsed.doc, analyse(parsed.doc));
    if (!compiled.ok) throw new Error('the imported graph does not compile');
    randomiseStatistics(tf, compiled.model, 3);
    const named = Object.fromEntries(compiled.model.weights.map((w) => [w.originalName, w.read()]));
    const { json, data } = await encodeWeightsFile(tf, named, 'graph.weights.bin');
    writeFileSync(join(dir, 'graph.weights.json'), JSON.stringify(json));
    writeFileSync(join(dir, 'graph.weights.bin'), data);
    const result = await runCli(['export', graph, '--format', 'onnx', '-o', join(dir, 'onnx')], { timeoutMs: 120_000 });
    expect(result.stdout).toMatch(/^Check failed: reloaded in ONNX Runtime, predictions differ from TF\.js by up to \S+ on 4 samples\.$/m);
    expect(result.stderr).toMatch(/predictions differ by up to .* more than the tolerance/);
    expect(result.stderr).toMatch(/they were left for inspection/);
    expect(result.code).toBe(1);
  }, 240_000);
});
