import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { exportOnnx } from '../../../engine/onnx/export/export-onnx';
import { importOnnx } from '../../../engine/onnx/import/import-onnx';
import { sampleGraphs } from '../../support/graphs';
import { randomiseStatistics, relativeError, sampleInput } from '../../support/onnx-runtime';
import { toTensors } from '../../support/onnx-weights';

/**
 * A channels-first design comes back channels-last (the importer's convention for images), with the
 * same parameters; its TF.js predictions are off anyway (see the export test), so only shapes are compared.
 */
const CHANNELS_FIRST = new Set(['ml5-dcgan-face.json']);

let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

/**
 * Designs exported to ONNX and imported back: the same parameter count, and the imported design
 * with the file's weights predicts what the original did (the Transposes the export adds are folded
 * away again, images stay channels-last).
 */
describe('an exported ONNX file imports back to the same model', () => {
  for (const { name, doc } of sampleGraphs()) {
    it(name, async () => {
      const analysis = analyse(doc);
      const compiled = compileGraph(tf, doc, analysis);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) return;
      randomiseStatistics(tf, compiled.model, 11);
      const exported = exportOnnx(doc, analysis, compiled.model);
      expect(exported.ok).toBe(true);
      if (!exported.ok) return;
      const imported = importOnnx(exported.bytes);
      expect(imported.ok, JSON.stringify(imported.diagnostics)).toBe(true);
      const back = imported.doc;
      if (!back || !imported.weightArrays) return;
      const errors = [...imported.diagnostics, ...analyse(back).diagnostics].filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
      const backAnalysis = analyse(back);
      expect(backAnalysis.totals.params).toBe(analysis.totals.params);
      const rebuilt = compileGraph(tf, back, backAnalysis);
      expect(rebuilt.ok).toBe(true);
      if (!rebuilt.ok) return;
      const weights = toTensors(tf, imported.weightArrays);
      const assigned = assignWeights(rebuilt.model, weights);
      expect(assigned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const inputs = analysis.inputs.map((id, k) => {
        const params = analysis.nodes[id]?.params as { shape: (number | null)[]; dtype: string };
        const x = sampleInput([null, ...params.shape], params.dtype, k + 3);
        return x.data instanceof Int32Array ? tf.tensor(x.data, x.shape, 'int32') : tf.tensor(x.data, x.shape);
      });
      const feed = inputs.length === 1 ? (inputs[0] as (typeof inputs)[number]) : inputs;
      const before = [compiled.model.predict(feed)].flat();
      const after = [rebuilt.model.predict(feed)].flat();
      if (CHANNELS_FIRST.has(name)) {
        expect(after.map((t) => t.shape)).toEqual(before.map((t) => [t.shape[0], ...t.shape.slice(2), t.shape[1]]));
        tf.dispose([...inputs, ...before, ...after, ...Object.values(weights)]);
        return;
      }
      expect(after.map((t) => t.shape)).toEqual(before.map((t) => t.shape));
      for (const [i, t] of before.entries()) expect(relativeError(after[i]?.dataSync() ?? [], t.dataSync())).toBeLessThan(1e-4);
      tf.dispose([...inputs, ...before, ...after, ...Object.values(weights)]);
      compiled.model.dispose();
      rebuilt.model.dispose();
    });
  }
});
