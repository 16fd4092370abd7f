import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { assignWeights } from '../../../engine/compile/assign-weights';
import { compileGraph } from '../../../engine/compile/compile';
import { hasErrors } from '../../../engine/diagnostics';
import { importOnnx } from '../../../engine/onnx/import/import-onnx';
import { encodeModel, onnx } from '../../../engine/onnx/proto';
import { readTensor } from '../../../engine/onnx/tensors';
import { FIXTURES } from '../../support/fixtures';
import { relativeError } from '../../support/onnx-runtime';
import { toTensors } from '../../support/onnx-weights';

const NODE_TESTS = join(FIXTURES, 'onnx-node');

/** Operations whose inputs are all data (everything else: the inputs after the first are weights, stored as initializers in real models). */
const DATA_INPUTS = new Set(['Add', 'Mul', 'Max', 'Min', 'Mean', 'Sum', 'Concat']);

/**
 * Cases whose form has no design equivalent, with why; the importer must turn them into a clear
 * placeholder (or refuse), never a wrong model.
 */
const NO_LAYER: Record<string, string> = {
  test_constant_pad: 'padding with 1.2 (only zero padding has a layer)',
  test_elu: 'ELU with alpha 2 (TF.js has alpha 1 only)',
  test_selu: 'SELU with alpha 2 and gamma 3 (TF.js has the standard constants only)',
  test_gather_0: 'gathering rows of the batch axis',
  test_reshape_one_dim: 'a reshape that folds the batch axis away',
  test_squeeze: 'a squeeze of the batch axis',
  test_softmax_axis_1: 'softmax over a middle axis (TF.js has the last axis only)',
  test_max_example: 'tensors with no axis besides the batch',
  test_min_example: 'tensors with no axis besides the batch',
  test_mean_example: 'tensors with no axis besides the batch',
  test_sum_example: 'tensors with no axis besides the batch',
};

/** Cases imported as a close layer, said so in the notes: the values are not expected to match everywhere. */
const APPROXIMATED: Record<string, string> = {
  test_maxpool_2d_pads: 'max pooling with padding Keras cannot express: zero padding first (exact for non-negative inputs)',
};

let tf: Awaited<ReturnType<typeof nodeTf>>;
beforeAll(async () => {
  tf = await nodeTf();
});

function load(dir: string) {
  const model = onnx.ModelProto.decode(readFileSync(join(dir, 'model.onnx')));
  const data = join(dir, 'test_data_set_0');
  const read = (prefix: string) =>
    readdirSync(data)
      .filter((f) => f.startsWith(prefix))
      .sort()
      .map((f) => onnx.TensorProto.decode(readFileSync(join(data, f))));
  return { model, inputs: read('input_'), outputs: read('output_') };
}

/**
 * The ONNX conformance node tests (Debian's libonnx-testdata, copied into tests/fixtures/onnx-node)
 * of every operation the importer maps: the single-operation model is imported (weights as
 * initializers, as real models store them), built with TF.js, and must reproduce the expected output.
 */
describe('ONNX conformance node tests', () => {
  for (const name of readdirSync(NODE_TESTS)
    .filter((n) => n.startsWith('test_'))
    .sort()) {
    it(name, async () => {
      const { model, inputs, outputs } = load(join(NODE_TESTS, name));
      const graph = model.graph as NonNullable<typeof model.graph>;
      const op = graph.node?.[0]?.opType ?? '';
      const keep = DATA_INPUTS.has(op) ? inputs.length : 1;
      const graphInputs = graph.input ?? [];
      graph.initializer = [
        ...(graph.initializer ?? []),
        ...inputs.slice(keep).map((t, i) => ({ ...t, name: graphInputs[keep + i]?.name })),
      ];
      graph.input = graphInputs.slice(0, keep);
      const imported = importOnnx(encodeModel(model));
      const placeholders = imported.diagnostics.filter((d) => d.code === 'import_placeholder');
      if (NO_LAYER[name]) {
        // Never a silently different model: a placeholder, a refusal, or a design that says what is wrong.
        const problems = [...imported.diagnostics, ...(imported.doc ? analyse(imported.doc).diagnostics : [])];
        expect(hasErrors(problems)).toBe(true);
        return;
      }
      expect(placeholders).toEqual([]);
      expect(imported.ok).toBe(true);
      if (APPROXIMATED[name]) {
        expect(imported.notes.some((n) => n.status === 'approximated' && n.nodeId)).toBe(true);
        return;
      }
      const doc = imported.doc;
      if (!doc || !imported.weightArrays || !imported.layouts) return;
      const analysis = analyse(doc);
      const compiled = compileGraph(tf, doc, analysis);
      expect(compiled.ok, JSON.stringify(!compiled.ok && compiled.diagnostics)).toBe(true);
      if (!compiled.ok) return;
      const weights = toTensors(tf, imported.weightArrays);
      expect(assignWeights(compiled.model, weights).ok).toBe(true);
      const feeds = inputs.slice(0, keep).map((t, i) => {
        const v = readTensor(t);
        if (!v) throw new Error('unreadable input');
        const perm = imported.layouts?.inputs[i] ?? [];
        const q = new Array<number>(perm.length);
        for (const [axis, d] of perm.entries()) q[d] = axis;
        const dtype = analysis.nodes[analysis.inputs[i] ?? '']?.params?.dtype === 'int32' ? 'int32' : 'float32';
        return tf.transpose(tf.tensor(Array.from(v.data, Number), v.dims, dtype), q);
      });
      const predicted = [compiled.model.predict(feeds.length === 1 ? (feeds[0] as (typeof feeds)[number]) : feeds)].flat();
      for (const [i, expected] of outputs.slice(0, 1).entries()) {
        const e = readTensor(expected);
        const perm = (imported.layouts.outputs[i] ?? []).filter((p) => p >= 0);
        const y = predicted[i];
        if (!e || !y) throw new Error('no output');
        const actual = tf.reshape(tf.transpose(y, perm), e.dims);
        expect(actual.shape).toEqual(e.dims);
        expect(relativeError(actual.dataSync(), Array.from(e.data, Number))).toBeLessThan(1e-4);
        actual.dispose();
      }
      tf.dispose([...feeds, ...predicted, ...Object.values(weights)]);
      compiled.model.dispose();
    });
  }
});
