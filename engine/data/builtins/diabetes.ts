import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type InMemoryDataset, SPLIT } from '../dataset';
import { stratifiedSplit } from '../split';
import { builtinDataDir } from './files';

const SPLIT_SEED = 2004;

export const DIABETES_COLUMNS = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

/** Mean and standard deviation per feature column, over the rows whose split is `train`. */
export interface Standardisation {
  mean: number[];
  std: number[];
}

/**
 * The diabetes regression table: ten baseline measurements of 442 patients, target = disease
 * progression a year later (25–346). Features are standardised with the training split's mean and
 * standard deviation (returned too, so they can be shown); split 70 / 15 / 15.
 */
export async function loadDiabetes(): Promise<InMemoryDataset & { standardisation: Standardisation }> {
  const text = await readFile(path.join(builtinDataDir(), 'diabetes', 'diabetes.csv'), 'utf8');
  const rows = text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',').map(Number));
  const width = DIABETES_COLUMNS.length;
  const features = new Float32Array(rows.length * width);
  const labels = new Float32Array(rows.length);
  rows.forEach((row, i) => {
    features.set(row.slice(0, width), i * width);
    labels[i] = row[width] as number;
  });
  const split = stratifiedSplit(labels, { validation: 0.15, test: 0.15 }, SPLIT_SEED, false);
  const mean = new Array<number>(width).fill(0);
  const std = new Array<number>(width).fill(0);
  let n = 0;
  for (let i = 0; i < rows.length; i++) {
    if (split[i] !== SPLIT.train) continue;
    n++;
    for (let c = 0; c < width; c++) mean[c] = (mean[c] as number) + (features[i * width + c] as number);
  }
  for (let c = 0; c < width; c++) mean[c] = (mean[c] as number) / n;
  for (let i = 0; i < rows.length; i++) {
    if (split[i] !== SPLIT.train) continue;
    for (let c = 0; c < width; c++) std[c] = (std[c] as number) + ((features[i * width + c] as number) - (mean[c] as number)) ** 2;
  }
  for (let c = 0; c < width; c++) std[c] = Math.sqrt((std[c] as number) / n) || 1;
  for (let i = 0; i < rows.length; i++) {
    for (let c = 0; c < width; c++)
      features[i * width + c] = ((features[i * width + c] as number) - (mean[c] as number)) / (std[c] as number);
  }
  return {
    name: 'diabetes',
    source:
      'Diabetes data of Efron, Hastie, Johnstone & Tibshirani (2004), "Least Angle Regression", as distributed with scikit-learn 1.2.1 (BSD-3-Clause).',
    task: 'regression',
    featureShape: [width],
    features,
    labels,
    labelSize: 1,
    split,
    standardisation: { mean, std },
  };
}
