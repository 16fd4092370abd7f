import { BUILTIN_NAMES, loadBuiltinDataset } from '../engine/data/builtins/index';
import type { InMemoryDataset } from '../engine/data/dataset';
import { UsageError } from './errors';

/** Built-in datasets the CLI can train on, by name. */
export const BUILTIN_DATASETS = BUILTIN_NAMES;

/**
 * Resolves a DATASET argument: `builtin:NAME`, or a file — a CSV (label in the last column unless
 * `label` names another) or a zip of class folders (images resized to `imageSize`, default 28×28
 * grayscale).
 */
export async function loadDataset(arg: string, seed?: number, options: DatasetFileOptions = {}): Promise<InMemoryDataset> {
  if (arg.startsWith('builtin:')) {
    const name = arg.slice('builtin:'.length);
    const dataset = await loadBuiltinDataset(name, seed === undefined ? {} : { seed });
    if (dataset) return dataset;
    throw new UsageError(`unknown built-in dataset "${name}"; available: ${BUILTIN_DATASETS.join(', ')}`);
  }
  const { loadDatasetFile } = await import('./dataset-file');
  return loadDatasetFile(arg, seed, options);
}

export interface DatasetFileOptions {
  /** CSV: the label column's name (default: the last column). */
  label?: string;
  /** Zip of images: width, height and channels every image is resized to. */
  imageSize?: [number, number, number];
}
