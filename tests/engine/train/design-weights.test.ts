import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '@/engine/analysis/analyse';
import type { GraphDoc } from '@/engine/graph/schema';
import { templateGraph } from '@/engine/templates';
import { savedShapesByNode } from '@/engine/train/node-weights';
import { packWeights, unpackWeights } from '@/engine/train/packed-weights';
import { keptLayerNodes, planForGraph } from '@/engine/train/plan-for-graph';
import { weightBadges } from '@/engine/train/weight-badges';
import { decodeWeightsBundle, encodeWeightsBundle } from '@/engine/train/weights-bundle';

const mlp = templateGraph('mlp') as GraphDoc;
const denses = mlp.nodes.filter((n) => n.type === 'dense');

/** The template's own initialised weights, packed as an import packs them. */
async function packedMlp() {
  const model = (await import('@/engine/compile/compile')).compileGraph(tf, mlp);
  if (!model.ok) throw new Error('the template does not compile');
  const named: tf.NamedTensorMap = {};
  for (const w of model.model.weights) named[w.originalName] = w.read();
  const packed = await packWeights(tf, mlp, named);
  model.model.dispose();
  if (!packed.ok) throw new Error(packed.diagnostics[0]?.message);
  return packed.weights;
}

describe('a design’s own weights', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('packs by node id, and a bundle reads back to the same bytes, manifest and nodes', async () => {
    const packed = await packedMlp();
    expect(Object.values(packed.layerNodes)).toEqual(expect.arrayContaining(denses.map((n) => n.id)));
    const decoded = decodeWeightsBundle(encodeWeightsBundle({ ...packed, source: 'import:mlp.json' }));
    if (!decoded.ok) throw new Error(decoded.message);
    expect(decoded.data).toEqual(packed.data);
    expect(decoded.meta.layerNodes).toEqual(packed.layerNodes);
    expect(decoded.meta.specs.map((s) => s.name)).toEqual(packed.specs.map((s) => s.name));
    const saved = unpackWeights(tf, packed);
    expect(Object.keys(saved.tensors)).toHaveLength(packed.specs.length);
    tf.dispose(Object.values(saved.tensors));
  });

  it('refuses a bundle with a bad description or the wrong number of bytes, saying which', () => {
    expect(decodeWeightsBundle(new Uint8Array([0x7b]))).toMatchObject({ ok: false, message: expect.stringMatching(/line of JSON/) });
    const line = (meta: unknown) => new TextEncoder().encode(`${JSON.stringify(meta)}\n`);
    expect(
      decodeWeightsBundle(line({ specs: [{ name: 'a/kernel', shape: [2], dtype: 'float64' }], layerNodes: {}, source: 'x' })),
    ).toMatchObject({
      ok: false,
      message: expect.stringMatching(/specs\.0\.dtype/),
    });
    expect(
      decodeWeightsBundle(line({ specs: [{ name: 'a/kernel', shape: [2], dtype: 'float32' }], layerNodes: {}, source: 'x' })),
    ).toMatchObject({
      ok: false,
      message: 'The weights.bin part holds 0 bytes; its manifest describes 8.',
    });
  });

  it('plans an edited design from the manifest alone and keeps only the loaded layers tied to the weights', async () => {
    const packed = await packedMlp();
    const [first, ...rest] = denses;
    if (!first) throw new Error('no dense');
    const widened: GraphDoc = {
      ...mlp,
      nodes: mlp.nodes.map((n) => (n.id === first.id ? { ...n, name: 'renamed', params: { ...n.params, units: 7 } } : n)),
    };
    const plan = planForGraph(tf, widened, packed.specs, packed.layerNodes);
    if (!plan) throw new Error('no plan');
    const status = Object.fromEntries(plan.layers.map((l) => [l.nodeId, l.status]));
    expect(status[first.id]).toBe('shape_mismatch');
    // The next Dense reads the changed width; any after it keep their weights.
    expect(status[rest[0]?.id as string]).toBe('shape_mismatch');
    for (const n of rest.slice(1)) expect(status[n.id]).toBe('loaded');
    expect(Object.values(keptLayerNodes(packed.layerNodes, plan))).not.toContain(first.id);
  });

  it('gives each layer with parameters a badge from the live analysis: pretrained, shape changed or fresh', async () => {
    const packed = await packedMlp();
    const stored = savedShapesByNode(packed.specs, packed.layerNodes);
    const [first, second] = denses;
    if (!first || !second) throw new Error('the template has fewer than two Dense layers');
    expect([...weightBadges(analyse(mlp), stored).values()].every((b) => b === 'pretrained')).toBe(true);
    const edited: GraphDoc = {
      ...mlp,
      nodes: mlp.nodes.map((n) => (n.id === first.id ? { ...n, params: { ...n.params, units: 5 } } : n)),
    };
    const badges = weightBadges(analyse(edited), stored);
    expect(badges.get(first.id)).toBe('shape_changed');
    expect(badges.get(second.id)).toBe('shape_changed');
    const without = new Map([...stored].filter(([id]) => id !== first.id));
    expect(weightBadges(analyse(mlp), without).get(first.id)).toBe('fresh');
    expect(badges.has(mlp.nodes.find((n) => n.type === 'input')?.id as string)).toBe(false);
  });
});
