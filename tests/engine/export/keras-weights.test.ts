import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import * as jsfive from 'jsfive';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { compileGraph } from '../../../engine/compile/compile';
import { kerasPython } from '../../../engine/export/keras-python';
import { kerasWeightsH5 } from '../../../engine/export/keras-weights-h5';
import { kerasVariableGroups } from '../../../engine/export/keras-weights-plan';
import type { GraphDoc } from '../../../engine/graph/schema';
import { GraphBuilder } from '../../../engine/templates/builder';

let tf: typeof tfjs;
const OUT = mkdtempSync(join(tmpdir(), 'keras-weights-'));
beforeAll(async () => {
  tf = await nodeTf();
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** Two Dense layers, a BatchNormalization, a Bidirectional LSTM and a TimeDistributed Dense: every place Keras 3 keeps variables. */
function mixedDesign(): GraphDoc {
  const g = new GraphBuilder();
  const x = g.add('input', { shape: [6, 4] });
  g.chain(x, [
    ['dense', { units: 5, activation: 'relu' }],
    ['batchNormalization', {}],
    ['bidirectional', { layer: { type: 'lstm', params: { units: 3, returnSequences: true } } }],
    ['timeDistributed', { layer: { type: 'dense', params: { units: 2 } } }],
    ['flatten', {}],
    ['dense', { units: 3, activation: 'softmax' }],
  ]);
  return g.build('mixed', { loss: 'categoricalCrossentropy' });
}

/** The text templates' shape at a size that reads back fast: Embedding, then an LSTM or a Conv1D. */
function smallText(type: 'lstm' | 'conv1d', params: Record<string, unknown>): GraphDoc {
  const g = new GraphBuilder();
  const x = g.add('input', { shape: [10], dtype: 'int32' });
  g.chain(x, [
    ['embedding', { inputDim: 50, outputDim: 4 }],
    [type, params],
    ...(type === 'conv1d' ? ([['globalMaxPooling1d', {}]] as [string, Record<string, unknown>][]) : []),
    ['dense', { units: 2, activation: 'softmax' }],
  ]);
  return g.build(`small ${type}`, { loss: 'categoricalCrossentropy' });
}

interface Read {
  shape: number[];
  value: number[];
}

function exported(doc: GraphDoc) {
  const analysis = analyse(doc);
  const compiled = compileGraph(tf, doc, analysis);
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
  return { analysis, model: compiled.model };
}

describe('the Keras 3 weights file', () => {
  it.each([
    ['mixed', mixedDesign],
    ['a small LSTM text classifier', () => smallText('lstm', { units: 3 })],
    ['a small 1-D CNN text classifier', () => smallText('conv1d', { filters: 4, kernelSize: 3 })],
  ])('%s: every weight of the model is read back from model.weights.h5 where Keras 3 looks for it', async (_name, make) => {
    const doc = make();
    const { analysis, model } = exported(doc);
    const groups = kerasVariableGroups(doc, analysis, model);
    const bytes = await kerasWeightsH5(groups);
    const file = new jsfive.File(bytes.slice().buffer as ArrayBuffer, 'model.weights.h5');
    let compared = 0;
    for (const group of groups) {
      group.arrays.forEach((array, i) => {
        const read = file.get(`${group.path}/${i}`) as unknown as Read;
        expect(read.shape, `${group.path}/${i}`).toEqual(array.shape);
        expect(Float32Array.from(read.value)).toEqual(array.values);
        compared += array.values.length;
      });
    }
    const total = model.getWeights().reduce((n, w) => n + w.size, 0);
    expect(compared).toBe(total);
    model.dispose();
  });

  it('names the groups as Keras 3 does: per class in snake case, cells and wrapped layers below their layer', async () => {
    const doc = mixedDesign();
    const { analysis, model } = exported(doc);
    const groups = kerasVariableGroups(doc, analysis, model);
    expect(groups.map((g) => [g.path, g.arrays.map((a) => a.shape)])).toEqual([
      ['layers/input_layer/vars', []],
      ['layers/dense/vars', [[4, 5], [5]]],
      ['layers/batch_normalization/vars', [[5], [5], [5], [5]]],
      ['layers/bidirectional/forward_layer/cell/vars', [[5, 12], [3, 12], [12]]],
      ['layers/bidirectional/backward_layer/cell/vars', [[5, 12], [3, 12], [12]]],
      ['layers/time_distributed/layer/vars', [[6, 2], [2]]],
      ['layers/flatten/vars', []],
      ['layers/dense_1/vars', [[12, 3], [3]]],
    ]);
    model.dispose();
  });

  it("keeps an LSTM's variables in its cell and an Embedding's as its own", async () => {
    const doc = smallText('lstm', { units: 3 });
    const { analysis, model } = exported(doc);
    expect(kerasVariableGroups(doc, analysis, model).map((g) => [g.path, g.arrays.map((a) => a.shape)])).toEqual([
      ['layers/input_layer/vars', []],
      ['layers/embedding/vars', [[50, 4]]],
      ['layers/lstm/cell/vars', [[4, 12], [3, 12], [12]]],
      ['layers/dense/vars', [[3, 2], [2]]],
    ]);
    model.dispose();
  });

  it('ships with Python that loads it and compiles', async () => {
    const doc = smallText('conv1d', { filters: 4, kernelSize: 3 });
    const { analysis, model } = exported(doc);
    writeFileSync(join(OUT, 'model.weights.h5'), await kerasWeightsH5(kerasVariableGroups(doc, analysis, model)));
    const code = kerasPython(doc, analysis, { weightsFile: 'model.weights.h5' });
    expect(code).toContain('model.load_weights(WEIGHTS)');
    expect(code).toContain('"model.weights.h5"');
    writeFileSync(join(OUT, 'model.py'), code);
    execFileSync('python3', ['-m', 'py_compile', join(OUT, 'model.py')]);
    model.dispose();
  });

  // h5py reads HDF5 as Keras does; where it is installed, it must see the same arrays.
  const h5py = spawnSync('python3', ['-c', 'import h5py']).status === 0;
  it.skipIf(!h5py)('reads back the same with h5py', async () => {
    const doc = mixedDesign();
    const { analysis, model } = exported(doc);
    const groups = kerasVariableGroups(doc, analysis, model);
    const path = join(OUT, 'mixed.weights.h5');
    writeFileSync(path, await kerasWeightsH5(groups));
    const script = `import h5py, json, sys\nf = h5py.File(sys.argv[1], "r")\nout = {}\nf.visititems(lambda n, o: out.__setitem__(n, [list(o.shape), o[()].ravel().tolist()]) if isinstance(o, h5py.Dataset) else None)\nprint(json.dumps(out))`;
    const read = JSON.parse(execFileSync('python3', ['-c', script, path]).toString()) as Record<string, [number[], number[]]>;
    for (const group of groups) {
      group.arrays.forEach((array, i) => {
        const [shape, values] = read[`${group.path}/${i}`] ?? [[], []];
        expect(shape).toEqual(array.shape);
        expect(Float32Array.from(values)).toEqual(array.values);
      });
    }
    model.dispose();
  });
});
