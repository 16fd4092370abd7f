import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type * as tfjs from '@tensorflow/tfjs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyse } from '@/engine/analysis/analyse';
import { nodeTf } from '@/engine/backends/node-tf';
import { GalleryCardSchema } from '@/engine/gallery/card';
import { GALLERY, galleryEntry } from '@/engine/gallery/catalog';
import { openGalleryGraph } from '@/engine/gallery/open-gallery-graph';
import { cutAfter } from '@/engine/graph/cut-after';
import { GraphBuilder } from '@/engine/templates/builder';
import { galleryCards, galleryFiles } from '@/server/gallery/read-gallery-files';
import { FIXTURES } from '../../support/fixtures';

const DIGITS = path.join(FIXTURES, 'datasets/mnist-png-30-per-class');

/** Ten real digit images (one per class) as a [10, 28, 28, 1] batch scaled 0–1, and their labels. */
async function digitBatch(tf: typeof tfjs): Promise<{ x: tfjs.Tensor4D; labels: number[] }> {
  const values = new Float32Array(10 * 784);
  for (let d = 0; d < 10; d++) {
    const file = readdirSync(path.join(DIGITS, String(d))).sort()[0] as string;
    const { data } = await sharp(readFileSync(path.join(DIGITS, String(d), file)))
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    for (let i = 0; i < 784; i++) values[d * 784 + i] = (data[i] as number) / 255;
  }
  return { x: tf.tensor4d(values, [10, 28, 28, 1]), labels: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] };
}

/** Loads TF.js layers files from memory, as tf.loadLayersModel would from disk. */
function fromFiles(
  tf: typeof tfjs,
  modelJson: { modelTopology: object; weightsManifest: { weights: tfjs.io.WeightsManifestEntry[] }[] },
  weights: Uint8Array,
) {
  return tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest.flatMap((g) => g.weights),
      weightData: weights.slice().buffer,
    }),
  );
}

describe('cutAfter', () => {
  it('keeps the named layer and what it depends on, drops the rest and side branches', () => {
    const g = new GraphBuilder();
    const x = g.add('input', { shape: [4] });
    const a = g.add('dense', { units: 3 }, [x], 'features');
    const side = g.add('dense', { units: 2 }, [x], 'side');
    g.add('dense', { units: 2 }, [a], 'head');
    g.add('add', {}, [side, a], 'merge');
    const cut = cutAfter(g.build('t'), 'features');
    expect(cut?.nodes.map((n) => n.id).sort()).toEqual(['features', 'input_1']);
    expect(cut?.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['input_1->features']);
    expect(cutAfter(g.build('t'), 'nowhere')).toBeUndefined();
  });
});

describe('the pretrained gallery', () => {
  let tf: typeof tfjs;
  beforeAll(async () => {
    tf = await nodeTf();
  });

  it('has at least three models, each with a complete, honest card', async () => {
    const cards = await galleryCards();
    expect(cards.length).toBeGreaterThanOrEqual(3);
    for (const card of cards) {
      expect(GalleryCardSchema.safeParse(card).success, card.id).toBe(true);
      expect(card.license.length, card.id).toBeGreaterThan(3);
      expect(card.classes.length, card.id).toBeGreaterThan(1);
    }
    const mobilenet = cards.find((c) => c.id === 'mobilenet-v2');
    expect(mobilenet?.params).toBeGreaterThan(2_000_000);
    expect(mobilenet?.accuracy.value).toBeNull();
    expect(mobilenet?.caveats.join(' ')).toMatch(/fine-tuned on other classes/);
    expect(mobilenet?.variants.map((v) => v.cutAfter)).toEqual(expect.arrayContaining(['out_relu', 'average_pooling2d_1']));
    for (const id of ['fashion-cnn', 'digits-cnn']) {
      const card = cards.find((c) => c.id === id);
      expect(card?.trainedBy?.script).toBe('scripts/train-gallery.ts');
      expect(card?.accuracy.value, id).toBeGreaterThan(0.85);
      expect(card?.sizeBytes, id).toBeLessThan(2 * 1024 * 1024);
    }
  });

  it('opens the digits CNN with weights that predict exactly as the shipped files, and classify real digits', async () => {
    const entry = galleryEntry('digits-cnn');
    if (!entry) throw new Error('no digits-cnn');
    const files = await galleryFiles(entry);
    const opened = await openGalleryGraph(tf, entry.card, entry.card.variants[0]!, files);
    if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
    expect(analyse(opened.doc).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // Datasets of other image sizes are fitted to the card's input rather than changing the design.
    expect(opened.doc.training?.fitImages).toBe(true);
    const original = await fromFiles(tf, files.modelJson as never, files.weights);
    const reopened = await tf.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: files.modelJson.modelTopology,
        weightSpecs: opened.weights.specs,
        weightData: opened.weights.data.slice().buffer,
      }),
    );
    const { x, labels } = await digitBatch(tf);
    const a = original.predict(x) as tfjs.Tensor;
    const b = reopened.predict(x) as tfjs.Tensor;
    expect(Math.max(...(await a.sub(b).abs().data()))).toBeLessThan(1e-6);
    const predicted = Array.from(await a.argMax(-1).data());
    expect(predicted.filter((p, i) => p === labels[i]).length).toBeGreaterThanOrEqual(9);
    tf.dispose([x, a, b]);
    original.dispose();
    reopened.dispose();
  });

  it('cuts MobileNetV2 at global pooling: the backbone gives the original network’s 1280 features', async () => {
    const entry = galleryEntry('mobilenet-v2');
    const variant = entry?.card.variants.find((v) => v.id === 'backbone-pool');
    if (!entry || !variant) throw new Error('no mobilenet-v2 backbone');
    const files = await galleryFiles(entry);
    const opened = await openGalleryGraph(tf, entry.card, variant, files);
    if (!opened.ok) throw new Error(JSON.stringify(opened.diagnostics));
    expect(opened.doc.nodes.some((n) => n.id === 'dense_3')).toBe(false);
    const original = await fromFiles(tf, files.modelJson as never, files.weights);
    const pooled = original.getLayer('average_pooling2d_1').output as tfjs.SymbolicTensor;
    const features = tf.model({ inputs: original.inputs, outputs: pooled });
    const backboneArtifacts = { weightSpecs: opened.weights.specs, weightData: opened.weights.data.slice().buffer };
    expect(opened.weights.specs.length).toBeLessThan(files.modelJson.weightsManifest[0]!.weights.length);
    // A real photo-like input: a digit upscaled to 224×224 RGB.
    const { x } = await digitBatch(tf);
    const photo = tf.tidy(() => tf.image.resizeBilinear(x.slice([3, 0, 0, 0], [1, 28, 28, 1]), [224, 224]).tile([1, 1, 1, 3]));
    const expected = features.predict(photo) as tfjs.Tensor;
    const { compileGraph } = await import('@/engine/compile/compile');
    const { assignWeights } = await import('@/engine/compile/assign-weights');
    const compiled = compileGraph(tf, opened.doc);
    if (!compiled.ok) throw new Error('backbone does not compile');
    const named = tf.io.decodeWeights(backboneArtifacts.weightData, backboneArtifacts.weightSpecs);
    expect(assignWeights(compiled.model, named).ok).toBe(true);
    const got = compiled.model.predict(photo) as tfjs.Tensor;
    expect(got.shape.slice(1).reduce((a, b) => (a as number) * (b as number), 1)).toBe(1280);
    expect(
      Math.max(
        ...(await got
          .reshape([-1])
          .sub(expected.reshape([-1]))
          .abs()
          .data()),
      ),
    ).toBeLessThan(1e-4);
    tf.dispose([x, photo, expected, got, ...Object.values(named)]);
    original.dispose();
    compiled.model.dispose();
  });

  it('lists only models whose files ship with the repository or npm install', () => {
    for (const entry of GALLERY) expect(['nsfwjs', 'repo']).toContain(entry.source.kind);
  });
});
