import type { InMemoryDataset } from '../engine/data/dataset';
import { GENERATED_DATASETS, type GeneratedDatasetName } from '../engine/data/generated';
import { UsageError } from './errors';

/** Built-in datasets the CLI can train on, by name. */
export const BUILTIN_DATASETS = Object.keys(GENERATED_DATASETS);

/** Resolves a DATASET argument: `builtin:NAME`, or a file. */
export async function loadDataset(arg: string, seed?: number): Promise<InMemoryDataset> {
  if (arg.startsWith('builtin:')) {
    const name = arg.slice('builtin:'.length);
    if (name in GENERATED_DATASETS) return GENERATED_DATASETS[name as GeneratedDatasetName](seed === undefined ? {} : { seed });
    throw new UsageError(`unknown built-in dataset "${name}"; available: ${BUILTIN_DATASETS.join(', ')}`);
  }
  throw new UsageError(`${arg}: dataset files are not supported yet; use one of builtin:${BUILTIN_DATASETS.join(', builtin:')}`);
}
