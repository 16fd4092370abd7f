import type { InMemoryDataset } from '../engine/data/dataset';
import type { DatasetFileOptions } from './datasets';
import { UsageError } from './errors';

/** Reads a CSV or a zip of class folders into memory, through the same parsers as uploads. */
export async function loadDatasetFile(file: string, _seed?: number, _options: DatasetFileOptions = {}): Promise<InMemoryDataset> {
  throw new UsageError(`${file}: dataset files are not supported yet`);
}
