import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { compileGraph } from '../../../engine/compile/compile';
import { exportOnnx, onnxExportProblems } from '../../../engine/onnx/export/export-onnx';
import { sampleGraphs } from '../../support/graphs';
import { randomiseStatistics, relativeError, runOnnx, sampleInput } from '../../support/onnx-runtime';

/** The tolerance ONNX Runtime's predictions must meet against TF.js's, relative to the output's scale. */
const TOLERANCE = 1e-4;

/**
 * Designs whose TF.js predictions are themselves wrong, so ONNX Runtime (which follows the Keras
 * definition) cannot match them: the export must still run, with the right output shapes.
 */
const TFJS_DIVERGES: Record<string, string> = {
  'ml5-dcgan-face.json':
    'TF.js 4.22 applies a BatchNormalization with axis 1 (channels-first) to the last axis of a 4-D tensor; ONNX Runtime normalises axis 1, as Keras does',
};

/**
 * Every template and every real model the importer reads, exported to ONNX with (randomised) weights
 * and run in ONNX Runtime: its predictions must match TF.js's on the same input.
 */
let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

describe('ONNX export predicts like TF.js', () => {
  for (const { name, doc } of sampleGraphs()) {
    it(name, async () => {
      const analysis = analyse(doc);
      const problems = onnxExportProblems(doc, analysis);
      expect(problems).toEqual([]);
      const compiled = compileGraph(tf, doc, analysis);
      expect(compiled.ok).toBe(true);
      if (!compiled.ok) return;
      const { model } = compiled;
      randomiseStatistics(tf, model, 7);
      const exported = exportOnnx(doc, analysis, model);
      expect(exported.ok, JSON.stringify(!exported.ok && exported.diagnostics)).toBe(true);
      if (!exported.ok) return;
      const inputs = analysis.inputs.map((id, k) => {
        const params = analysis.nodes[id]?.params as { shape: (number | null)[]; dtype: string };
        return sampleInput([null, ...params.shape], params.dtype, k + 1);
      });
      const tensors = inputs.map((x) => (x.data instanceof Int32Array ? tf.tensor(x.data, x.shape, 'int32') : tf.tensor(x.data, x.shape)));
      const predicted = model.predict(tensors.length === 1 ? (tensors[0] as (typeof tensors)[number]) : tensors) as
        | ReturnType<typeof tf.tensor>
        | ReturnType<typeof tf.tensor>[];
      const expected = (Array.isArray(predicted) ? predicted : [predicted]).map((t) => ({ data: t.dataSync(), shape: t.shape }));
      const actual = await runOnnx(exported.bytes, inputs);
      expect(actual.map((a) => a.shape)).toEqual(expected.map((e) => e.shape));
      if (!TFJS_DIVERGES[name]) {
        for (const [i, e] of expected.entries()) expect(relativeError(actual[i]?.data ?? [], e.data)).toBeLessThan(TOLERANCE);
      }
      tf.dispose([...tensors, ...(Array.isArray(predicted) ? predicted : [predicted])]);
      model.dispose();
    });
  }
});
