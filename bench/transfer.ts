/**
 * `npm run bench:transfer` — training from scratch against transfer learning, on small labelled sets
 * the base networks never saw:
 *
 *   - "clothes": Fashion-MNIST (the built-in 10,000 images), 100 per class to train on and a disjoint
 *     100 per class to test on. Bases: the project's digits CNN (trained on digits only) and
 *     MobileNetV2 (ImageNet-derived, via nsfwjs; subsampled, it costs ~130 ms an image on 2 cores).
 *   - "digits": the built-in MNIST digits, the same sizes. Base: the project's Fashion-MNIST CNN
 *     (trained on clothes only).
 *
 *   The gallery's own digits CNN is not used on digits, nor the Fashion CNN on clothes: they were
 *   trained on those very sets (their test images included in the built-ins' pools).
 *
 * For each set: LeNet-5 from scratch; fine-tuning each base (backbone frozen, a new softmax head
 * trained with Adam — with the backbone frozen its activations are computed once, which is what a
 * frozen forward pass gives anyway); and feature extraction with each classic classifier (SVM,
 * logistic regression, k-NN) on the same activations. Test accuracy and wall time, side by side.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { nodeTf } from '../engine/backends/node-tf';
import { assignWeights } from '../engine/compile/assign-weights';
import { compileGraph } from '../engine/compile/compile';
import { inMemoryBatchSource } from '../engine/data/batch-source';
import { loadBuiltinDataset } from '../engine/data/builtins';
import { type InMemoryDataset, SPLIT } from '../engine/data/dataset';
import { ClassifierSettingsSchema } from '../engine/features/classifier-settings';
import { extractFeatures } from '../engine/features/extract-features';
import { featureModel } from '../engine/features/feature-model';
import { fitInput } from '../engine/features/fit-input';
import { galleryEntry } from '../engine/gallery/catalog';
import { openGalleryGraph } from '../engine/gallery/open-gallery-graph';
import { templateGraph } from '../engine/templates';
import { trainClassifier } from '../server/features/classic-classifier';
import { galleryFiles } from '../server/gallery/read-gallery-files';

const PER_CLASS = Number(process.env.BENCH_PER_CLASS ?? 100);
/** MobileNetV2 at 224×224 is ~40× the work of the small CNNs: fewer images, said in the output. */
const MOBILENET_PER_CLASS = Number(process.env.BENCH_MOBILENET_PER_CLASS ?? 20);

interface Row {
  set: string;
  method: string;
  samples: string;
  accuracy: number;
  seconds: number;
}
const rows: Row[] = [];
const now = () => performance.now();
const log = (s: string) => console.log(s);

/** `perClass` training and `perClass` test samples of every class, from the set's own train and test splits. */
function subsample(data: InMemoryDataset, perClass: number): InMemoryDataset {
  const width = data.featureShape.reduce((a, b) => a * b, 1);
  const classes = data.classes?.length ?? 10;
  const picked: { row: number; split: number }[] = [];
  for (const split of [SPLIT.train, SPLIT.test]) {
    const taken = new Array<number>(classes).fill(0);
    for (let i = 0; i < data.split.length; i++) {
      const label = data.labels[i] as number;
      if (data.split[i] !== split || (taken[label] as number) >= perClass) continue;
      taken[label] = (taken[label] as number) + 1;
      picked.push({ row: i, split });
    }
  }
  const features = new Float32Array(picked.length * width);
  picked.forEach((p, k) => {
    features.set(data.features.subarray(p.row * width, (p.row + 1) * width), k * width);
  });
  return {
    ...data,
    features,
    labels: Float32Array.from(picked, (p) => data.labels[p.row] as number),
    split: Uint8Array.from(picked, (p) => p.split),
  };
}

function tensorsOf(tf: typeof tfjs, data: InMemoryDataset, split: number) {
  const width = data.featureShape.reduce((a, b) => a * b, 1);
  const idx = [...data.split.keys()].filter((i) => data.split[i] === split);
  const x = new Float32Array(idx.length * width);
  idx.forEach((i, k) => {
    x.set(data.features.subarray(i * width, (i + 1) * width), k * width);
  });
  const labels = Int32Array.from(idx, (i) => data.labels[i] as number);
  return { x: tf.tensor(x, [idx.length, ...data.featureShape]), y: tf.oneHot(tf.tensor1d(labels, 'int32'), 10), labels };
}

async function scratch(tf: typeof tfjs, set: string, data: InMemoryDataset): Promise<void> {
  const compiled = compileGraph(tf, templateGraph('lenet5') as NonNullable<ReturnType<typeof templateGraph>>);
  if (!compiled.ok) throw new Error('LeNet-5 does not compile');
  const model = compiled.model;
  tf.setBackend('wasm');
  const started = now();
  const train = tensorsOf(tf, data, SPLIT.train);
  const test = tensorsOf(tf, data, SPLIT.test);
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  await model.fit(train.x, train.y, { epochs: 20, batchSize: 32, shuffle: true, verbose: 0 });
  const accuracy = accuracyOf(tf, model.predict(test.x) as tfjs.Tensor, test.labels);
  rows.push({
    set,
    method: 'LeNet-5 from scratch (20 epochs)',
    samples: `${PER_CLASS}/class`,
    accuracy,
    seconds: (now() - started) / 1000,
  });
  tf.dispose([train.x, train.y, test.x, test.y]);
  model.dispose();
}

function accuracyOf(tf: typeof tfjs, probabilities: tfjs.Tensor, labels: ArrayLike<number>): number {
  const predicted = tf.tidy(() => probabilities.argMax(-1)).dataSync();
  probabilities.dispose();
  let right = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) right++;
  return right / labels.length;
}

/** A gallery backbone with its weights, cut where its card says. */
async function backbone(tf: typeof tfjs, id: string, variantId: string) {
  const entry = galleryEntry(id);
  const variant = entry?.card.variants.find((v) => v.id === variantId);
  if (!entry || !variant) throw new Error(`no gallery model ${id}/${variantId}`);
  const opened = await openGalleryGraph(tf, entry.card, variant, await galleryFiles(entry));
  if (!opened.ok) throw new Error(opened.diagnostics.map((d) => d.message).join('; '));
  const compiled = compileGraph(tf, opened.doc);
  if (!compiled.ok) throw new Error('the backbone does not compile');
  const named = tf.io.decodeWeights(opened.weights.data.slice().buffer, opened.weights.specs);
  assignWeights(compiled.model, named);
  tf.dispose(Object.values(named));
  const last = opened.doc.nodes[opened.doc.nodes.length - 1]?.id as string;
  const cut = featureModel(tf, compiled.model, compiled.layerNames, last);
  if (!cut.ok) throw new Error(cut.problem);
  return { title: entry.card.title, model: cut.model, featureCount: cut.featureCount, dispose: () => compiled.model.dispose() };
}

/** Activations of both splits, batch by batch, through the engine's own extraction. */
async function activations(tf: typeof tfjs, base: Awaited<ReturnType<typeof backbone>>, data: InMemoryDataset) {
  const fit = fitInput(data.featureShape, base.model.inputs[0]?.shape.slice(1) ?? []);
  if (!fit.ok) throw new Error(fit.problem);
  const source = inMemoryBatchSource(data);
  const out = {
    train: { rows: [] as Float32Array[], labels: [] as number[] },
    test: { rows: [] as Float32Array[], labels: [] as number[] },
  };
  for (const split of ['train', 'test'] as const) {
    await extractFeatures(tf, base.model, fit, source, split, { batchSize: 32 }, (batch, batchRows) => {
      out[split].rows.push(...batchRows);
      out[split].labels.push(...Array.from(batch.labels));
    });
  }
  return out;
}

async function transfer(tf: typeof tfjs, set: string, data: InMemoryDataset, id: string, variant: string, perClass: number) {
  const base = await backbone(tf, id, variant);
  const small = perClass === PER_CLASS ? data : subsample(data, perClass);
  const started = now();
  const feats = await activations(tf, base, small);
  const extractSeconds = (now() - started) / 1000;
  const samples = `${perClass}/class`;
  log(`  ${set}: ${base.title} — ${base.featureCount} features, extracted in ${extractSeconds.toFixed(1)} s`);

  // Fine-tuning with the backbone frozen: a new softmax head trained on the (fixed) activations.
  const headStarted = now();
  const head = tf.sequential({ layers: [tf.layers.dense({ inputShape: [base.featureCount], units: 10, activation: 'softmax' })] });
  head.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const x = tf.tensor2d(
    feats.train.rows.flatMap((r) => Array.from(r)),
    [feats.train.rows.length, base.featureCount],
  );
  const y = tf.oneHot(tf.tensor1d(feats.train.labels, 'int32'), 10);
  await head.fit(x, y, { epochs: 60, batchSize: 32, shuffle: true, verbose: 0 });
  const tx = tf.tensor2d(
    feats.test.rows.flatMap((r) => Array.from(r)),
    [feats.test.rows.length, base.featureCount],
  );
  const accuracy = accuracyOf(tf, head.predict(tx) as tfjs.Tensor, feats.test.labels);
  rows.push({
    set,
    method: `fine-tune ${base.title} (frozen, new head)`,
    samples,
    accuracy,
    seconds: extractSeconds + (now() - headStarted) / 1000,
  });
  tf.dispose([x, y, tx]);
  head.dispose();

  for (const kind of ['svm', 'logistic', 'knn'] as const) {
    const fitStarted = now();
    const classifier = await trainClassifier(ClassifierSettingsSchema.parse({ kind }), feats.train.rows, feats.train.labels, 10);
    const probabilities = classifier.predictProbabilities(feats.test.rows);
    classifier.dispose();
    const right = probabilities.filter((p, i) => p.indexOf(Math.max(...p)) === feats.test.labels[i]).length;
    rows.push({
      set,
      method: `features of ${base.title} + ${kind}`,
      samples,
      accuracy: right / probabilities.length,
      seconds: extractSeconds + (now() - fitStarted) / 1000,
    });
  }
  base.dispose();
}

async function main(): Promise<void> {
  const tf = await nodeTf();
  const total = now();
  const fashion = subsample((await loadBuiltinDataset('fashion')) as InMemoryDataset, PER_CLASS);
  const digits = subsample((await loadBuiltinDataset('digits')) as InMemoryDataset, PER_CLASS);
  log(`bench:transfer — ${PER_CLASS} training and ${PER_CLASS} test images per class, backend ${tf.getBackend()}`);
  await scratch(tf, 'clothes', fashion);
  await scratch(tf, 'digits', digits);
  await transfer(tf, 'clothes', fashion, 'digits-cnn', 'backbone', PER_CLASS);
  await transfer(tf, 'digits', digits, 'fashion-cnn', 'backbone', PER_CLASS);
  if (MOBILENET_PER_CLASS > 0) await transfer(tf, 'clothes', fashion, 'mobilenet-v2', 'backbone-pool', MOBILENET_PER_CLASS);

  log('');
  log(`${'set'.padEnd(8)} ${'method'.padEnd(62)} ${'train'.padEnd(9)} ${'test acc'.padStart(8)} ${'wall s'.padStart(7)}`);
  for (const r of rows) {
    log(
      `${r.set.padEnd(8)} ${r.method.padEnd(62)} ${r.samples.padEnd(9)} ${(r.accuracy * 100).toFixed(1).padStart(7)}% ${r.seconds.toFixed(1).padStart(7)}`,
    );
  }
  log('');
  for (const set of ['clothes', 'digits']) {
    const mine = rows.filter((r) => r.set === set && r.samples === `${PER_CLASS}/class`);
    const best = [...mine].sort((a, b) => b.accuracy - a.accuracy)[0] as Row;
    const fromScratch = mine.find((r) => r.method.includes('scratch')) as Row;
    const verdict = best === fromScratch ? 'training from scratch wins' : `${best.method} wins`;
    log(
      `${set}: ${verdict} (${(best.accuracy * 100).toFixed(1)}% against ${(fromScratch.accuracy * 100).toFixed(1)}% from scratch, ${(best.accuracy / fromScratch.accuracy).toFixed(2)}×), in ${best.seconds.toFixed(1)} s against ${fromScratch.seconds.toFixed(1)} s.`,
    );
  }
  log(`total ${((now() - total) / 1000).toFixed(0)} s`);
}

main()
  .then(() => process.exit(0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
