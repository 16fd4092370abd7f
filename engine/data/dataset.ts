import type { TaskId } from '../tasks/registry';
import type { TextEncoding } from './text/vocabulary';

/**
 * A dataset held in memory: one row per sample, features flattened, labels as class indexes (for
 * classification) or numbers (regression). Split membership is explicit so every run sees the same.
 */
export interface InMemoryDataset {
  name: string;
  /** Where it comes from and under which license. */
  source: string;
  task: TaskId;
  /** Shape of one sample's features, e.g. [2] or [28, 28, 1]. */
  featureShape: number[];
  features: Float32Array;
  /** Class index per sample (classification) or target value(s) per sample (regression). */
  labels: Float32Array;
  /** Values per label (1 for a class index or a single target). */
  labelSize: number;
  classes?: string[];
  /** Texts: how the word ids of the samples were made (tokenizer, vocabulary, length). */
  text?: TextEncoding;
  /** Which split each sample belongs to: 0 train, 1 validation, 2 test. */
  split: Uint8Array;
}

export const SPLIT = { train: 0, validation: 1, test: 2 } as const;

export function sampleCount(dataset: InMemoryDataset): number {
  return dataset.labels.length / dataset.labelSize;
}
