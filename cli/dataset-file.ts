import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { InMemoryDataset } from '../engine/data/dataset';
import { normaliseRows } from '../engine/data/meta';
import { taskSpec } from '../engine/tasks/registry';
import { ingestCsv } from '../server/datasets/ingest/csv';
import { CsvOptionsSchema, defaultLimits, ImageOptionsSchema } from '../server/datasets/ingest/options';
import { ingestImageZip } from '../server/datasets/ingest/zip-images';
import { NO_SPLIT } from '../server/datasets/manifest';
import { assignSplit } from '../server/datasets/store/pack';
import { StatisticsAccumulator, tabularLayout } from '../server/datasets/store/tabular';
import type { DatasetFileOptions } from './datasets';
import { UsageError } from './errors';

/**
 * Reads a CSV or a zip of class folders into memory, through the same parsers and checks as uploads
 * (bad rows, zip bombs, unsafe paths and unreadable images are refused the same way). Samples keep
 * the file's order; the split is stratified and seeded like an upload's. Unlabelled images are left out.
 */
export async function loadDatasetFile(file: string, seed = 1, options: DatasetFileOptions = {}): Promise<InMemoryDataset> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new UsageError(`${file}: no such file`);
  const ext = extname(file).toLowerCase();
  const split = { validation: 0.15, test: 0.15, seed, stratify: true };
  try {
    if (ext === '.zip') return await loadZip(file, split, options);
    if (ext === '.csv' || ext === '.tsv' || ext === '.txt') return await loadCsv(file, split, options);
  } catch (error) {
    const details = (error as { details?: { problems?: { name: string; reason: string }[] } }).details?.problems ?? [];
    const listed = details.slice(0, 10).map((p) => `\n  ${p.name}: ${p.reason}`);
    throw new UsageError(`${file}: ${(error as Error).message}${listed.join('')}`);
  }
  throw new UsageError(`${file}: dataset files must be .csv or .zip (a folder of class folders)`);
}

async function loadZip(
  file: string,
  split: { validation: number; test: number; seed: number; stratify: boolean },
  options: DatasetFileOptions,
) {
  const [height, width, channels] = options.imageSize ?? [28, 28, 1];
  const image = ImageOptionsSchema.parse({ width, height, channels, split });
  const ingest = await ingestImageZip(createReadStream(file), image, defaultLimits());
  try {
    const { staging, classes } = ingest;
    const all = staging.labelArray();
    const keep: number[] = [];
    for (let i = 0; i < staging.count; i++) if (!Number.isNaN(all[i])) keep.push(i);
    if (ingest.skipped.length > 0)
      process.stderr.write(`note: ${ingest.skipped.length} file(s) skipped (${ingest.skipped[0]?.name}: ${ingest.skipped[0]?.reason})\n`);
    const size = staging.recordBytes;
    const features = new Float32Array(keep.length * size);
    const record = new Uint8Array(size);
    keep.forEach((i, k) => {
      staging.read(i, record);
      for (let j = 0; j < size; j++) features[k * size + j] = (record[j] as number) / 255;
    });
    const labels = Float32Array.from(keep, (i) => all[i] as number);
    return {
      name: file,
      source: file,
      task: 'classification' as const,
      featureShape: [height, width, channels],
      features,
      labels,
      labelSize: 1,
      classes,
      split: assignSplit(labels, 1, split, true),
    };
  } finally {
    ingest.staging.close();
  }
}

async function loadCsv(
  file: string,
  split: { validation: number; test: number; seed: number; stratify: boolean },
  options: DatasetFileOptions,
) {
  const csv = CsvOptionsSchema.parse({
    ...(options.label ? { label: options.label } : {}),
    split,
    ...(file.endsWith('.tsv') ? { delimiter: '\t' } : {}),
  });
  const ingest = await ingestCsv(createReadStream(file), csv, defaultLimits());
  try {
    const { staging } = ingest;
    const order = Int32Array.from({ length: staging.count }, (_, i) => i);
    const labels = Float32Array.from(staging.labelArray());
    const assigned = assignSplit(labels, 1, split, taskSpec(ingest.task).stratify);
    const layout = tabularLayout(ingest, order, assigned);
    const statistics = new StatisticsAccumulator(layout.sampleSize, layout.oneHot);
    const features = new Float32Array(staging.count * layout.sampleSize);
    const record = new Uint8Array(staging.recordBytes);
    for (let i = 0; i < staging.count; i++) {
      staging.read(i, record);
      const out = features.subarray(i * layout.sampleSize, (i + 1) * layout.sampleSize);
      layout.transform(record, out);
      statistics.add(out, assigned[i] as number);
    }
    normaliseRows(features, layout.sampleSize, statistics.result(csv.normalisation));
    return {
      name: file,
      source: file,
      task: ingest.task,
      featureShape: [layout.sampleSize],
      features,
      labels,
      labelSize: 1,
      ...(ingest.classes ? { classes: ingest.classes } : {}),
      split: assigned.map((s) => (s === NO_SPLIT ? 0 : s)),
    };
  } finally {
    ingest.staging.close();
  }
}
