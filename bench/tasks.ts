/**
 * `npm run bench:tasks` — what each task's template reaches on the built-in datasets after a fixed
 * budget of epochs, trained by the run driver the server's workers use (`runJob`, TF.js wasm in
 * Node, seeded), with the task's own figure from its evaluation of the test split and the time per
 * epoch:
 *
 *   detection        Small object detector  on raccoons (real photos) and shapes-boxes   mAP@0.5, mAP@0.5:0.95
 *   segmentation     Small U-Net            on digits-segment (every 5th) and shapes       mean IoU
 *   reconstruction   Autoencoder            on digits-rebuild (every 5th digit)            PSNR
 *   classification   LeNet-5                on digits (every 5th digit)                    accuracy
 *
 * Beside detection's figures, those of one average training box guessed on every test image without
 * looking (`meanBoxBaseline`): the raccoons fill the middle of their photos, so that guess alone scores high.
 *
 * `BENCH_EPOCHS_SCALE=0.5` halves every budget (for a quick look).
 */
import { nodeTf } from '../engine/backends/node-tf';
import { inMemoryBatchSource } from '../engine/data/batch-source';
import { loadBuiltinDataset } from '../engine/data/builtins';
import type { InMemoryDataset } from '../engine/data/dataset';
import type { GraphDoc } from '../engine/graph/schema';
import { meanBoxBaseline } from '../engine/tasks/detection-baseline';
import type { Evaluation } from '../engine/tasks/registry';
import { templateGraph } from '../engine/templates';
import { runJob } from '../engine/train/run-job';

interface Case {
  task: string;
  template: string;
  dataset: string;
  epochs: number;
  batchSize: number;
  /** Keep every n-th sample, to bound the time of the large sets. */
  every?: number;
  learningRate?: number;
}

const scale = Number(process.env.BENCH_EPOCHS_SCALE ?? 1);
const CASES: Case[] = [
  { task: 'detection', template: 'detector-small', dataset: 'raccoons', epochs: 15, batchSize: 16 },
  { task: 'detection', template: 'detector-small', dataset: 'shapes-boxes', epochs: 15, batchSize: 16 },
  // 64×64 pictures cost four times the shapes' 32×32 per epoch: a fifth of them, fewer epochs.
  { task: 'segmentation', template: 'unet-small', dataset: 'digits-segment', epochs: 3, batchSize: 16, every: 5 },
  { task: 'segmentation', template: 'unet-small', dataset: 'shapes', epochs: 5, batchSize: 16 },
  { task: 'reconstruction', template: 'autoencoder', dataset: 'digits-rebuild', epochs: 3, batchSize: 32, every: 5 },
  { task: 'classification', template: 'lenet5', dataset: 'digits', epochs: 3, batchSize: 32, every: 5 },
];

/** Every n-th sample of a set, with its split. */
function everyNth(dataset: InMemoryDataset, n: number): InMemoryDataset {
  if (n <= 1) return dataset;
  const width = dataset.featureShape.reduce((a, b) => a * b, 1);
  const rows = Array.from({ length: Math.floor(dataset.split.length / n) }, (_, k) => k * n);
  const features = new Float32Array(rows.length * width);
  const labels = new Float32Array(rows.length * dataset.labelSize);
  rows.forEach((row, k) => {
    features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
    labels.set(dataset.labels.subarray(row * dataset.labelSize, (row + 1) * dataset.labelSize), k * dataset.labelSize);
  });
  return { ...dataset, features, labels, split: Uint8Array.from(rows, (r) => dataset.split[r] as number) };
}

/** The mean-box guess's figures, in words. */
function baselineWords({ mapAt50, mapAt50To95 }: { mapAt50: number; mapAt50To95: number }): string {
  return `mAP@0.5 ${(mapAt50 * 100).toFixed(1)} % · mAP@0.5:0.95 ${(mapAt50To95 * 100).toFixed(1)} %`;
}

/** The task's headline figures of an evaluation, in words. */
function figures(evaluation: Evaluation | null): string {
  if (!evaluation) return 'no evaluation';
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  switch (evaluation.kind) {
    case 'detection':
      return `mAP@0.5 ${pct(evaluation.mapAt50)} · mAP@0.5:0.95 ${pct(evaluation.mapAt50To95)}`;
    case 'segmentation':
      return `mean IoU ${pct(evaluation.meanIou)} · pixel accuracy ${pct(evaluation.pixelAccuracy)}`;
    case 'reconstruction':
      return `PSNR ${evaluation.psnr.toFixed(2)} dB · MSE ${evaluation.mse.toFixed(4)}`;
    case 'classification':
      return `accuracy ${pct(evaluation.accuracy)}`;
    default:
      return `RMSE ${evaluation.rmse.toPrecision(4)}`;
  }
}

const tf = await nodeTf();
const rows: string[][] = [];
for (const c of CASES) {
  const loaded = await loadBuiltinDataset(c.dataset);
  if (!loaded) throw new Error(`No built-in ${c.dataset}.`);
  const dataset = everyNth(loaded, c.every ?? 1);
  const source = inMemoryBatchSource(dataset);
  const epochs = Math.max(1, Math.round(c.epochs * scale));
  const doc = templateGraph(c.template) as GraphDoc;
  const training = { epochs, batchSize: c.batchSize, seed: 7, ...(c.learningRate ? { learningRate: c.learningRate } : {}) };
  const started = performance.now();
  const result = await runJob(tf, doc, { training }, { source });
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(`${c.template} on ${c.dataset}: ${result.problem}`);
  const perEpoch = result.epochs.reduce((n, e) => n + e.seconds, 0) / Math.max(1, result.epochs.length);
  const row = [
    c.task,
    `${c.template} on ${c.dataset}`,
    `${source.count('train')}/${source.count('test')}`,
    String(result.epochs.length),
    figures(result.evaluation),
    c.task === 'detection' ? baselineWords(meanBoxBaseline(dataset)) : '',
    `${perEpoch.toFixed(2)} s`,
    `${seconds.toFixed(1)} s`,
  ];
  rows.push(row);
  console.log(row.join(' | '));
}

const header = ['task', 'design on dataset', 'train/test', 'epochs', 'test figures', 'one mean box, no looking', 'per epoch', 'total'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] as number)).join('  ');
console.log(`\nTasks after a fixed epoch budget (run driver, TF.js ${tf.getBackend()} backend in Node, seed 7):\n`);
console.log(line(header));
console.log(line(widths.map((w) => '-'.repeat(w))));
for (const row of rows) console.log(line(row));
process.exit(0);
