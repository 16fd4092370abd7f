import type { TaskRef } from '../tasks/registry';
import { type InMemoryDataset, SPLIT } from './dataset';
import { seededRandom, shuffledIndices } from './random';
import type { TextEncoding } from './text/vocabulary';

export type SplitName = keyof typeof SPLIT;

/** One batch of samples: features flattened row by row, labels likewise. */
export interface Batch {
  features: Float32Array;
  labels: Float32Array;
  size: number;
}

/**
 * A dataset read in batches rather than held whole — the contract between datasets (in memory, in
 * PostgreSQL, built in) and training (browser or worker), so memory stays flat however large the set.
 */
export interface BatchSource {
  readonly name: string;
  /** The task of the labels: a registered id, or a task's spec handed over directly. */
  readonly task: TaskRef;
  /** Shape of one sample's features, e.g. [28, 28, 1]. */
  readonly featureShape: number[];
  /** Values per label: 1 for a class index or one target. */
  readonly labelSize: number;
  readonly classes?: string[];
  /** Texts: the tokenizer, vocabulary and length that made the samples' word ids. */
  readonly text?: TextEncoding;
  count(split: SplitName): number;
  /** Batches of one split; shuffled with the seed when one is given, else in stored order. */
  batches(split: SplitName, options: { batchSize: number; shuffleSeed?: number }): AsyncIterable<Batch>;
}

/** A BatchSource over a dataset already in memory (built-ins, small uploads, tests). */
export function inMemoryBatchSource(dataset: InMemoryDataset): BatchSource {
  const width = dataset.featureShape.reduce((a, b) => a * b, 1);
  const rowsOf = (split: SplitName) => {
    const rows: number[] = [];
    for (let i = 0; i < dataset.split.length; i++) if (dataset.split[i] === SPLIT[split]) rows.push(i);
    return rows;
  };
  return {
    name: dataset.name,
    task: dataset.task,
    featureShape: dataset.featureShape,
    labelSize: dataset.labelSize,
    ...(dataset.classes ? { classes: dataset.classes } : {}),
    ...(dataset.text ? { text: dataset.text } : {}),
    count: (split) => rowsOf(split).length,
    async *batches(split, { batchSize, shuffleSeed }) {
      const rows = rowsOf(split);
      const order =
        shuffleSeed === undefined ? rows : Array.from(shuffledIndices(rows.length, seededRandom(shuffleSeed)), (i) => rows[i] as number);
      for (let start = 0; start < order.length; start += batchSize) {
        const chunk = order.slice(start, start + batchSize);
        const features = new Float32Array(chunk.length * width);
        const labels = new Float32Array(chunk.length * dataset.labelSize);
        chunk.forEach((row, k) => {
          features.set(dataset.features.subarray(row * width, (row + 1) * width), k * width);
          labels.set(dataset.labels.subarray(row * dataset.labelSize, (row + 1) * dataset.labelSize), k * dataset.labelSize);
        });
        yield { features, labels, size: chunk.length };
      }
    },
  };
}
