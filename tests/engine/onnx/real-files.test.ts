import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { hasErrors } from '../../../engine/diagnostics';
import { importOnnx } from '../../../engine/onnx/import/import-onnx';
import { onnx } from '../../../engine/onnx/proto';
import { readTensor } from '../../../engine/onnx/tensors';
import { FIXTURES } from '../../support/fixtures';
import { relativeError, runOnnx, sampleInput } from '../../support/onnx-runtime';
import { toTensors } from '../../support/onnx-weights';

const DIR = join(FIXTURES, 'onnx');
/** Above this many weights a model is only counted, not run (VGG-19's 144 M weights take over a gigabyte in TF.js). */
const RUN_LIMIT = 30_000_000;

interface RealFile {
  file: string;
  exporter: string;
  params: number | null;
  placeholders: string[];
}

function realFiles(): RealFile[] {
  const rows: RealFile[] = [];
  for (const line of readFileSync(join(DIR, 'SOURCES.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(.+)`$/.exec(cells[1] ?? '')?.[1];
    if (!file) continue;
    const verdict = cells[3] ?? '';
    const report = /^report: (.+)$/.exec(verdict);
    rows.push({
      file,
      exporter: cells[2] ?? '',
      params: report ? null : Number(verdict.replaceAll(',', '')),
      placeholders: report ? (report[1] as string).split(', ') : [],
    });
  }
  return rows;
}

let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

/**
 * ONNX files written by PyTorch, tf2onnx and onnx-caffe2: each imports with the parameter count
 * its weight tensors add up to (or names its placeholders), and — run in TF.js on the same input —
 * predicts what ONNX Runtime predicts with the original file, and what the exporting framework
 * recorded where the file comes with test data.
 */
describe('real ONNX files', () => {
  for (const entry of realFiles()) {
    it(`${entry.file} (${entry.exporter})`, async () => {
      const folder = join(DIR, entry.file);
      const path = entry.file.endsWith('.onnx') ? folder : join(folder, 'model.onnx');
      const bytes = new Uint8Array(readFileSync(path));
      const imported = importOnnx(bytes);
      expect(imported.ok).toBe(true);
      const doc = imported.doc;
      if (!doc || !imported.weightArrays || !imported.layouts) return;
      const analysis = analyse(doc);
      const problems = [...imported.diagnostics, ...analysis.diagnostics];
      if (entry.params === null) {
        expect(hasErrors(problems)).toBe(true);
        const placeholders = doc.nodes.filter((n) => n.type === 'unsupported').map((n) => String(n.params.className));
        expect([...new Set(placeholders)].sort()).toEqual([...entry.placeholders].sort());
        for (const note of imported.notes.filter((n) => n.status === 'placeholder')) expect(note.replaceWith?.length).toBeGreaterThan(10);
        return;
      }
      expect(problems.filter((d) => d.severity === 'error')).toEqual([]);
      expect(analysis.totals.params).toBe(entry.params);
      expect(analysis.totals.complete).toBe(true);
      if (entry.params > RUN_LIMIT) return;

      const compiled = compileGraph(tf, doc, analysis);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) return;
      const weights = toTensors(tf, imported.weightArrays);
      expect(assignWeights(compiled.model, weights).ok).toBe(true);
      tf.dispose(Object.values(weights));
      const recorded = join(folder, 'test_data_set_0');
      const hasData = existsSync(join(recorded, 'input_0.pb'));
      const model = onnx.ModelProto.decode(bytes);
      const inputInfo = (model.graph?.input ?? []).filter((i) => !(model.graph?.initializer ?? []).some((t) => t.name === i.name))[0];
      const dims = inputInfo?.type?.tensorType?.shape?.dim?.map((d) => Number(d.dimValue) || null) ?? [];
      const input = hasData
        ? (() => {
            const v = readTensor(onnx.TensorProto.decode(readFileSync(join(recorded, 'input_0.pb'))));
            return { data: Float32Array.from(v?.data ?? [], Number), shape: v?.dims ?? [] };
          })()
        : sampleInput(dims, 'float32', 5, 1);
      const batch1 = { data: input.data.subarray(0, input.data.length / (input.shape[0] ?? 1)), shape: [1, ...input.shape.slice(1)] };
      // ONNX Runtime no longer runs some operations of the oldest opsets; those files bring the framework's own output.
      const reference = await runOnnx(bytes, [hasData ? input : batch1]).then(
        ([r]) => r,
        (error: Error) => {
          if (!/Could not find an implementation|Missing opset/.test(error.message)) throw error;
          return undefined;
        },
      );
      const feed = hasData ? input : batch1;
      const perm = imported.layouts.inputs[0] ?? [];
      const q = new Array<number>(perm.length);
      for (const [axis, d] of perm.entries()) q[d] = axis;
      const x = tf.transpose(tf.tensor(feed.data, feed.shape), q);
      const y = compiled.model.predict(x) as ReturnType<typeof tf.tensor>;
      const expected = hasData ? readTensor(onnx.TensorProto.decode(readFileSync(join(recorded, 'output_0.pb')))) : undefined;
      const outShape = reference?.shape ?? expected?.dims;
      if (!outShape) {
        // Neither ONNX Runtime nor recorded data to compare with (see SOURCES.md): the design must still run.
        expect(y.shape.every((d) => d > 0)).toBe(true);
        tf.dispose([x, y]);
        compiled.model.dispose();
        return;
      }
      const out = tf.reshape(
        tf.transpose(
          y,
          (imported.layouts.outputs[0] ?? []).filter((p) => p >= 0),
        ),
        outShape,
      );
      if (reference) expect(relativeError(out.dataSync(), reference.data)).toBeLessThan(1e-4);
      if (expected) expect(relativeError(out.dataSync(), Array.from(expected.data, Number))).toBeLessThan(1e-4);
      tf.dispose([x, y, out]);
      compiled.model.dispose();
    });
  }
});
