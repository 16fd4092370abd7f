import { DETECTION_LABEL_SIZE } from '@/engine/tasks/detection-boxes';
import { taskSpec } from '@/engine/tasks/registry';
import type { CsvIngest } from '@/server/datasets/ingest/csv';
import type { CsvOptions, ImageOptions } from '@/server/datasets/ingest/options';
import type { ImageIngest } from '@/server/datasets/ingest/zip-images';
import type { Manifest, Report, VersionMeta } from '@/server/datasets/manifest';
import { imagesPerClass } from '@/server/datasets/mask-labels';
import { assignSplit, type CreatedBlobs, countSamples, reorder, storedOrder, writeIndexBlobs, writeShards } from './pack';
import { StatisticsAccumulator, tabularLayout } from './tabular';

export interface BuiltVersion {
  meta: VersionMeta;
  manifest: Manifest;
}

/** Packs a staged image archive into shards and index blobs: the new version's meta and manifest. */
export async function buildImageVersion(
  ingest: ImageIngest,
  options: ImageOptions,
  license: string,
  created: CreatedBlobs,
): Promise<BuiltVersion> {
  const { staging } = ingest;
  const { detection, segmentation } = ingest;
  const classes = detection ? detection.classes : ingest.classes;
  const labelSize = detection ? DETECTION_LABEL_SIZE : segmentation ? options.width * options.height : 1;
  // Labels read from other files (boxes, masks) come whole per image; class folders give one number.
  const perImage = detection?.labels ?? segmentation?.labels ?? null;
  const order = storedOrder(staging.count, options.split.seed);
  const labels = new Float32Array(staging.count * labelSize);
  order.forEach((from, to) => {
    if (perImage) labels.set(perImage.subarray(from * labelSize, (from + 1) * labelSize), to * labelSize);
    else labels[to] = staging.labels[from] as number;
  });
  const split = assignSplit(labels, labelSize, options.split, !perImage);
  const shards = await writeShards(staging, order, split, { dtype: 'uint8', sampleSize: staging.recordBytes }, created);
  const index = await writeIndexBlobs(labels, split, reorder(staging.names, order), created);
  const counted = countSamples(labels, labelSize, split, perImage ? null : classes.length);
  const { counts } = counted;
  // For boxes, a class's count is its boxes; for masks, the images showing it (an image may hold several classes).
  const classCounts = detection
    ? detection.boxesPerClass
    : segmentation
      ? imagesPerClass(labels, labelSize, classes.length)
      : counted.classCounts;
  const report: Report = {
    read: ingest.files,
    kept: staging.count,
    skipped: ingest.skipped.slice(0, 200),
    skippedCount: ingest.skipped.length,
    notes: [
      ...(detection && detection.boxes > 0 ? [`${detection.boxes} box(es) of ${classes.length} class(es) read from the annotations.`] : []),
      ...(segmentation && segmentation.masks > 0
        ? [
            `${segmentation.masks} mask(s) of ${classes.length} class(es) read${segmentation.binary ? ' (0 and 255 only: read as background and one object)' : ''}.`,
          ]
        : []),
      ...(counts.unlabelled > 0
        ? [
            detection
              ? `${counts.unlabelled} image(s) have no annotation yet: draw their boxes with Label boxes to use them for training.`
              : segmentation
                ? `${counts.unlabelled} image(s) have no mask yet: paint their masks with Label masks to use them for training.`
                : `${counts.unlabelled} image(s) have no class yet: label them to use them for training.`,
          ]
        : []),
      ...(ingest.skipped.length > 0 ? [`${ingest.skipped.length} file(s) skipped (listed).`] : []),
    ],
  };
  return {
    manifest: { format: 'netcanvas.dataset', version: 1, dtype: 'uint8', sampleSize: staging.recordBytes, shards, ...index },
    meta: {
      kind: 'image',
      task: detection ? 'detection' : segmentation ? 'segmentation' : 'classification',
      featureShape: [options.height, options.width, options.channels],
      labelSize,
      classes,
      counts,
      classCounts,
      split: options.split,
      normalisation: null,
      columns: null,
      featureNames: null,
      image: { width: options.width, height: options.height, channels: options.channels, fit: detection ? 'fill' : options.fit },
      report,
      license,
    },
  };
}

/** Packs a staged CSV: missing values filled, categories one-hot, statistics from the training split. */
export async function buildTableVersion(
  ingest: CsvIngest,
  options: CsvOptions,
  license: string,
  created: CreatedBlobs,
): Promise<BuiltVersion> {
  const { staging } = ingest;
  const order = storedOrder(staging.count, options.split.seed);
  const labels = Float32Array.from(order, (i) => staging.labels[i] as number);
  const split = assignSplit(labels, 1, options.split, taskSpec(ingest.task).stratify);
  const layout = tabularLayout(ingest, order, split);
  const statistics = new StatisticsAccumulator(layout.sampleSize, layout.oneHot);
  const shards = await writeShards(
    staging,
    order,
    split,
    { dtype: 'float32', sampleSize: layout.sampleSize, transform: layout.transform, onSample: (v, s) => statistics.add(v, s) },
    created,
  );
  const index = await writeIndexBlobs(labels, split, reorder(staging.names, order), created);
  const { counts, classCounts } = countSamples(labels, 1, split, ingest.classes?.length ?? null);
  const dropped = ingest.rowsDropped;
  const report: Report = {
    read: ingest.rowsRead,
    kept: staging.count,
    skipped: [],
    skippedCount: dropped.missingLabel + dropped.missingFeature,
    notes: [
      ...(dropped.missingLabel > 0 ? [`${dropped.missingLabel} row(s) without a label dropped.`] : []),
      ...(dropped.missingFeature > 0 ? [`${dropped.missingFeature} row(s) with missing values dropped.`] : []),
      ...(options.missing === 'mean' ? layout.fillNotes : []),
    ],
  };
  return {
    manifest: { format: 'netcanvas.dataset', version: 1, dtype: 'float32', sampleSize: layout.sampleSize, shards, ...index },
    meta: {
      kind: 'tabular',
      task: ingest.task,
      featureShape: [layout.sampleSize],
      labelSize: 1,
      classes: ingest.classes,
      counts,
      classCounts,
      split: options.split,
      normalisation: statistics.result(options.normalisation),
      columns: ingest.columns,
      featureNames: layout.featureNames,
      image: null,
      report,
      license,
    },
  };
}
