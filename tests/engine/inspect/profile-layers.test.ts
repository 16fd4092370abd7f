import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { compileGraph } from '../../../engine/compile/compile';
import type { GraphDoc } from '../../../engine/graph/schema';
import { profileLayers } from '../../../engine/inspect/profile-layers';
import { templateGraph } from '../../../engine/templates';
import { layerNodesOf } from '../../../engine/train/node-weights';

let tf: typeof tfjs;

beforeAll(async () => {
  tf = await nodeTf();
});

function compiled(doc: GraphDoc) {
  const result = compileGraph(tf, doc);
  if (!result.ok) throw new Error(result.diagnostics.map((d) => d.message).join('; '));
  return result;
}

describe('profileLayers', () => {
  it('times every layer of LeNet-5 and counts its activation bytes', async () => {
    const doc = templateGraph('lenet5') as GraphDoc;
    const { model, analysis, layerNames } = compiled(doc);
    const seen: number[] = [];
    const rows = await profileLayers(tf, model, {
      batchSize: 4,
      batches: 3,
      layerNodes: layerNodesOf(layerNames),
      onLayer: ({ index }) => seen.push(index),
    });
    const computing = doc.nodes.filter((n) => n.type !== 'input');
    expect(rows.map((r) => r.nodeId).sort()).toEqual(computing.map((n) => n.id).sort());
    expect(seen).toEqual(computing.map((_, i) => i + 1));
    for (const row of rows) {
      expect(Number.isFinite(row.forwardMs) && row.forwardMs > 0).toBe(true);
      expect(Number.isFinite(row.backwardMs) && row.backwardMs >= 0).toBe(true);
      const info = analysis.nodes[row.nodeId as string];
      // Each layer's output for the batch, as the analysis sizes one sample.
      expect(row.activationBytes).toBe(4 * (info?.activationBytes ?? Number.NaN));
    }
    const conv = rows.find((r) => r.className === 'Conv2D');
    expect(conv?.weightBytes).toBe((5 * 5 * 1 * 6 + 6) * 4);
    expect(rows.find((r) => r.className === 'MaxPooling2D')?.weightBytes).toBe(0);
    const inputBytes = doc.nodes
      .filter((n) => n.type === 'input')
      .reduce((sum, n) => sum + (analysis.nodes[n.id]?.activationBytes ?? 0), 0);
    const total = rows.reduce((sum, r) => sum + r.activationBytes, 0);
    expect(total).toBe(4 * (analysis.totals.activationBytes - inputBytes));
    expect(tf.memory().numTensors).toBeLessThanOrEqual(model.weights.length + 1);
  });

  it('finds a deliberately wide Dense layer the slowest', async () => {
    const doc = templateGraph('lenet5') as GraphDoc;
    const wide = doc.nodes.find((n) => n.type === 'dense' && n.params.units === 120);
    if (!wide) throw new Error('LeNet-5 has no 120-unit Dense layer');
    wide.params = { ...wide.params, units: 8192 };
    const { model, layerNames } = compiled(doc);
    const rows = await profileLayers(tf, model, { batchSize: 8, batches: 3, layerNodes: layerNodesOf(layerNames) });
    const slowest = rows.reduce((a, b) => (b.forwardMs + b.backwardMs > a.forwardMs + a.backwardMs ? b : a));
    expect(slowest.nodeId).toBe(wide.id);
    expect(slowest.weightBytes).toBe((400 * 8192 + 8192) * 4);
  });
});
