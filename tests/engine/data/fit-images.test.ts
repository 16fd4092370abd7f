import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { inMemoryBatchSource } from '../../../engine/data/batch-source';
import type { InMemoryDataset } from '../../../engine/data/dataset';
import { fitImageBatch, fitImagesSource, imageFitFor } from '../../../engine/data/fit-images';
import type { GraphDoc } from '../../../engine/graph/schema';
import { resolveSettings } from '../../../engine/train/resolve-settings';
import { runJob } from '../../../engine/train/run-job';

let tf: typeof tfjs;
beforeAll(async () => {
  tf = await nodeTf();
});

/** 40 grey 4×4 images of two classes: bright on the left half, or on the right half. */
function halves(): InMemoryDataset {
  const n = 40;
  const features = new Float32Array(n * 16);
  const labels = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const right = i % 2;
    labels[i] = right;
    for (let p = 0; p < 16; p++) features[i * 16 + p] = p % 4 >= 2 === Boolean(right) ? 0.9 : 0.1;
  }
  const split = new Uint8Array(n).map((_, i) => (i < 32 ? 0 : i < 36 ? 1 : 2));
  return {
    name: 'halves',
    source: 'test',
    task: 'classification',
    featureShape: [4, 4, 1],
    features,
    labels,
    labelSize: 1,
    classes: ['left', 'right'],
    split,
  };
}

/** A colour 8×8 design: conv → global average pooling → Dense(2, softmax). */
function colourDesign(fitImages: boolean): GraphDoc {
  return {
    format: 'netcanvas.graph',
    version: 1,
    nodes: [
      { id: 'in', type: 'input', params: { shape: [8, 8, 3] }, position: { x: 0, y: 0 } },
      { id: 'conv', type: 'conv2d', params: { filters: 4, kernelSize: 3, activation: 'relu' }, position: { x: 0, y: 100 } },
      { id: 'gap', type: 'globalAveragePooling2d', params: {}, position: { x: 0, y: 200 } },
      { id: 'out', type: 'dense', params: { units: 2, activation: 'softmax' }, position: { x: 0, y: 300 } },
    ],
    edges: [
      { id: 'e1', source: 'in', target: 'conv' },
      { id: 'e2', source: 'conv', target: 'gap' },
      { id: 'e3', source: 'gap', target: 'out' },
    ],
    training: { epochs: 1, batchSize: 8, seed: 1, fitImages },
  };
}

describe('fitting images to a design input', () => {
  it('decides when a fit is needed and possible', () => {
    expect(imageFitFor([28, 28, 1], [224, 224, 3])).toEqual({ height: 224, width: 224, channels: 3 });
    expect(imageFitFor([224, 224, 3], [224, 224, 3])).toBeNull();
    expect(imageFitFor([4], [8, 8, 3])).toBeNull();
    expect(imageFitFor([8, 8, 4], [8, 8, 3])).toBeNull();
    expect(imageFitFor([8, 8, 1], [null, null, 3])).toBeNull();
  });

  it('resizes grey images and copies them to three channels, keeping the value scale', () => {
    // One 2×2 grey image: 0 1 / 1 0.
    const batch = { features: new Float32Array([0, 1, 1, 0]), labels: new Float32Array([1]), size: 1 };
    const out = fitImageBatch(tf, batch, [2, 2, 1], { height: 3, width: 3, channels: 3 });
    expect(out.features).toHaveLength(27);
    const pixel = (y: number, x: number) => Array.from(out.features.subarray((y * 3 + x) * 3, (y * 3 + x) * 3 + 3));
    expect(pixel(0, 0)).toEqual([0, 0, 0]);
    expect(pixel(0, 2)).toEqual([1, 1, 1]);
    for (const v of pixel(1, 1)) expect(v).toBeCloseTo(0.5, 6);
    expect(Math.max(...out.features)).toBeLessThanOrEqual(1);
    expect(out.labels).toBe(batch.labels);
    // Colour to grey takes the mean of the channels.
    const grey = fitImageBatch(tf, { features: new Float32Array([0.2, 0.4, 0.9]), labels: new Float32Array([0]), size: 1 }, [1, 1, 3], {
      height: 1,
      width: 1,
      channels: 1,
    });
    expect(grey.features[0]).toBeCloseTo(0.5, 6);
  });

  it('streams a source at the new size with the same counts and labels', async () => {
    const source = fitImagesSource(tf, inMemoryBatchSource(halves()), { height: 8, width: 8, channels: 3 });
    expect(source.featureShape).toEqual([8, 8, 3]);
    expect(source.count('train')).toBe(32);
    const batches = [];
    for await (const batch of source.batches('train', { batchSize: 10 })) batches.push(batch);
    expect(batches.map((b) => b.size)).toEqual([10, 10, 10, 2]);
    expect(batches[0]?.features).toHaveLength(10 * 8 * 8 * 3);
  });

  it('suggests the setting when it applies, and trains the design unchanged with it on', async () => {
    const data = halves();
    const shape = { name: 'halves', task: 'classification' as const, featureShape: data.featureShape, classes: data.classes, labelSize: 1 };
    const off = resolveSettings(colourDesign(false), shape);
    expect(off.notes.find((n) => n.field === 'fitImages')?.text).toMatch(/turn on "fit images"/);
    expect(off.doc.nodes[0]?.params.shape).toEqual([4, 4, 1]); // without it the Input is adapted
    const on = resolveSettings(colourDesign(true), shape);
    expect(on.notes.find((n) => n.field === 'fitImages')?.text).toBe(
      'Images are resized from 4×4×1 to 8×8×3 and converted to the channels the design takes.',
    );
    expect(on.doc.nodes[0]?.params.shape).toEqual([8, 8, 3]);

    const result = await runJob(tf, colourDesign(true), { training: {} }, { source: inMemoryBatchSource(data), evaluation: false });
    if (!result.ok) throw new Error(result.problem);
    expect(result.epochs).toHaveLength(1);
    const conv = result.artifacts?.weightSpecs.find((w) => w.name.endsWith('kernel') && w.shape.length === 4);
    expect(conv?.shape).toEqual([3, 3, 3, 4]); // three input channels: the design as drawn
    expect(result.finalMetrics.testAccuracy).toBeGreaterThanOrEqual(0);
  });
});
