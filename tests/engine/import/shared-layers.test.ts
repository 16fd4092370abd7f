import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '../../../engine/analysis/analyse';
import { nodeTf } from '../../../engine/backends/node-tf';
import { compileGraph } from '../../../engine/compile/compile';
import { kerasPython } from '../../../engine/export/keras-python';
import { tfjsArtifacts } from '../../../engine/export/tfjs-artifacts';
import { tfjsTypescript } from '../../../engine/export/typescript';
import { parseGraph } from '../../../engine/graph/parse';
import { importTopology } from '../../../engine/import/import-model';
import { exportOnnx } from '../../../engine/onnx/export/export-onnx';
import { relativeError, runOnnx, sampleInput } from '../../support/onnx-runtime';

let tf: Awaited<ReturnType<typeof nodeTf>>;
const OUT = new URL('../../../tmp/shared-layers-test/', import.meta.url).pathname;
beforeAll(async () => {
  tf = await nodeTf();
  mkdirSync(OUT, { recursive: true });
});
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** A siamese network: one embedding applied to two inputs, the two embeddings classified together. */
function siamese() {
  const embed = tf.layers.dense({ units: 6, activation: 'tanh', name: 'embedding' });
  const a = tf.input({ shape: [5], name: 'left' });
  const b = tf.input({ shape: [5], name: 'right' });
  const diff = tf.layers.concatenate({ name: 'pair' }).apply([embed.apply(a), embed.apply(b)] as ReturnType<typeof tf.input>[]);
  const out = tf.layers.dense({ units: 1, activation: 'sigmoid', name: 'same' }).apply(diff) as ReturnType<typeof tf.input>;
  return tf.model({ inputs: [a, b], outputs: out, name: 'siamese' });
}

describe('a shared layer is one layer used several times', () => {
  it('imports as nodes sharing one layer: counted once, tied in the compiled model and every export', async () => {
    const original = siamese();
    const imported = importTopology({ format: 'layers-model', modelTopology: original.toJSON(null, false) });
    const doc = imported.doc;
    if (!doc) throw new Error('no graph');
    expect(parseGraph(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
    const uses = doc.nodes.filter((n) => n.name === 'embedding');
    expect(uses.map((n) => n.sharesWeightsWith)).toEqual([undefined, uses[0]?.id]);
    const analysis = analyse(doc);
    expect(analysis.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(analysis.totals.params).toBe(original.countParams());
    expect(analysis.totals.params).toBe(5 * 6 + 6 + 12 + 1);

    const compiled = compileGraph(tf, doc, analysis);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.diagnostics));
    expect(compiled.model.countParams()).toBe(original.countParams());
    expect(compiled.model.getLayer('embedding').inboundNodes).toHaveLength(2);

    // TF.js files: the saved model has the one layer called twice.
    const files = await tfjsArtifacts(tf, compiled.model);
    const topology = (files['model.json'] as { modelTopology: { config: { layers: { name: string; inbound_nodes: unknown[] }[] } } })
      .modelTopology;
    expect(topology.config.layers.find((l) => l.name === 'embedding')?.inbound_nodes).toHaveLength(2);

    // ONNX: both branches read the one set of weights and predict as TF.js does.
    const inputs = [sampleInput([null, 5], 'float32', 1), sampleInput([null, 5], 'float32', 2)];
    const tensors = inputs.map((x) => tf.tensor(x.data, x.shape));
    const expected = (compiled.model.predict(tensors) as ReturnType<typeof tf.tensor>).dataSync();
    const onnx = exportOnnx(doc, analysis, compiled.model);
    if (!onnx.ok) throw new Error(JSON.stringify(onnx.diagnostics));
    const [fromOnnx] = await runOnnx(onnx.bytes, inputs);
    expect(relativeError(fromOnnx?.data ?? [], expected)).toBeLessThan(1e-5);

    // Keras: one layer object applied twice.
    const code = kerasPython(doc, analysis);
    expect(code.match(/layers\.Dense\(units=6/g)).toHaveLength(1);
    expect(code).toMatch(/= embedding_layer\(left\)/);
    expect(code).toMatch(/= embedding_layer\(right\)/);
    writeFileSync(join(OUT, 'siamese.py'), code);
    execFileSync('python3', ['-m', 'py_compile', join(OUT, 'siamese.py')]);

    // TypeScript: runs, with the one layer, and the same parameter count.
    writeFileSync(join(OUT, 'siamese.ts'), tfjsTypescript(tf, doc, analysis));
    const module = (await import(/* @vite-ignore */ join(OUT, 'siamese.ts'))) as { buildModel(): ReturnType<typeof tf.model> };
    const rebuilt = module.buildModel();
    expect(rebuilt.countParams()).toBe(original.countParams());
    rebuilt.dispose();
    tf.dispose(tensors);
    compiled.model.dispose();
    original.dispose();
  });

  it('refuses sharing with a layer of another type, other settings or an input the weights do not fit', () => {
    const base = importTopology({ format: 'layers-model', modelTopology: siamese().toJSON(null, false) }).doc;
    if (!base) throw new Error('no graph');
    const second = base.nodes.find((n) => n.sharesWeightsWith !== undefined) as (typeof base.nodes)[number];
    const variant = (change: (n: typeof second) => void) => {
      const doc = structuredClone(base);
      change(doc.nodes.find((n) => n.id === second.id) as typeof second);
      return analyse(doc).diagnostics.find((d) => d.field === 'sharesWeightsWith')?.message;
    };
    expect(variant((n) => Object.assign(n.params, { units: 7 }))).toMatch(/its settings differ from those of "embedding"/);
    expect(variant((n) => Object.assign(n, { sharesWeightsWith: 'same' }))).toMatch(/cannot share weights/);
    expect(variant((n) => Object.assign(n, { sharesWeightsWith: 'nowhere' }))).toMatch(/"nowhere", which is not in the diagram/);
    expect(variant((n) => Object.assign(n, { sharesWeightsWith: 'left' }))).toMatch(/a input layer/);
  });
});
