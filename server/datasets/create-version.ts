import { SPLIT } from '@/engine/data/dataset';
import { seededRandom } from '@/engine/data/random';
import { taskSpec } from '@/engine/tasks/registry';
import { boxesPerClass, boxLabel } from '@/server/datasets/box-labels';
import { NO_SPLIT, type VersionMeta } from '@/server/datasets/manifest';
import { imagesPerClass, maskLabel } from '@/server/datasets/mask-labels';
import { sampleNames } from '@/server/datasets/read/sample-names';
import { readShard } from '@/server/datasets/read/shard-cache';
import { loadVersionData, versionIdOf } from '@/server/datasets/read/version-data';
import type { CreateVersionInput } from '@/server/datasets/schemas';
import { commitVersion, discardBlobs } from '@/server/datasets/store/commit-version';
import { assignSplit, type CreatedBlobs, countSamples, writeIndexBlobs } from '@/server/datasets/store/pack';
import { oneHotMask, StatisticsAccumulator } from '@/server/datasets/store/tabular';
import { badRequest } from '@/server/http/errors';

/**
 * A new version from the newest one with labels changed, classes added or the split redone. Only
 * the small label and split blobs are written: the new version shares every shard of its parent.
 * Newly labelled samples join a split drawn from the version's fractions (seeded by sample), so
 * existing assignments stay as they were; `split` redoes all of them. For detection, `boxes` replace
 * whole images' boxes (for segmentation, `masks` whole masks), each image's checked before anything is
 * written (one commit, nothing half-saved).
 */
export async function createDatasetVersion(
  userId: string,
  datasetId: string,
  input: CreateVersionInput,
): Promise<{ number: number; versionId: string }> {
  const parent = await loadVersionData(await versionIdOf(datasetId, input.parent));
  const { meta, manifest } = parent;
  const task = taskSpec(meta.task);
  const classes = meta.classes ? [...meta.classes] : null;
  for (const name of input.addClasses) {
    if (!classes) throw badRequest(`A ${task.label} dataset has no classes to add.`);
    if (!classes.includes(name)) classes.push(name);
  }
  const labelSchema = task.labelSchema({ featureShape: meta.featureShape, labelSize: meta.labelSize, ...(classes ? { classes } : {}) });
  const labels = new Float32Array(parent.labels);
  const split = new Uint8Array(parent.split);
  const count = split.length;
  const splitSettings = input.split ?? meta.split;
  if (input.boxes.length > 0) {
    if (meta.task !== 'detection') throw badRequest(`Boxes are labels of a detection dataset; this one is for ${task.label}.`);
    const names = await sampleNames(parent);
    for (const change of input.boxes) {
      if (change.index >= count) throw badRequest(`There is no sample ${change.index}; the version has ${count}.`);
      const at = change.index * meta.labelSize;
      if (change.boxes === null) {
        labels.fill(Number.NaN, at, at + meta.labelSize);
        split[change.index] = NO_SPLIT;
        continue;
      }
      labels.set(boxLabel(change.boxes, classes ?? [], names?.[change.index] ?? null, change.index), at);
      if (split[change.index] === NO_SPLIT) split[change.index] = drawSplit(splitSettings.seed, change.index, splitSettings);
    }
  }
  if (input.masks.length > 0) {
    if (meta.task !== 'segmentation') throw badRequest(`Masks are labels of a segmentation dataset; this one is for ${task.label}.`);
    const names = await sampleNames(parent);
    const [height = 0, width = 0] = meta.featureShape;
    for (const change of input.masks) {
      if (change.index >= count) throw badRequest(`There is no sample ${change.index}; the version has ${count}.`);
      const at = change.index * meta.labelSize;
      if (change.mask === null) {
        labels.fill(Number.NaN, at, at + meta.labelSize);
        split[change.index] = NO_SPLIT;
        continue;
      }
      labels.set(maskLabel(change.mask, { height, width }, classes ?? [], names?.[change.index] ?? null, change.index), at);
      if (split[change.index] === NO_SPLIT) split[change.index] = drawSplit(splitSettings.seed, change.index, splitSettings);
    }
  }
  for (const change of input.labels) {
    if (change.index >= count) throw badRequest(`There is no sample ${change.index}; the version has ${count}.`);
    const checked = change.label === null ? null : labelSchema.safeParse(change.label);
    if (checked && !checked.success) throw badRequest(checked.error.issues[0]?.message ?? `Sample ${change.index}: not a label.`);
    labels[change.index * meta.labelSize] = change.label ?? Number.NaN;
    if (change.label === null) split[change.index] = NO_SPLIT;
    else if (split[change.index] === NO_SPLIT) split[change.index] = drawSplit(splitSettings.seed, change.index, splitSettings);
  }
  const finalSplit = input.split ? assignSplit(labels, meta.labelSize, input.split, task.stratify) : split;
  const detection = meta.task === 'detection';
  const segmentation = meta.task === 'segmentation';
  const counted = countSamples(labels, meta.labelSize, finalSplit, detection || segmentation ? null : (classes?.length ?? null));
  const { counts } = counted;
  // For boxes, a class's count is its boxes; for masks, the images showing it (an image may hold several classes).
  const classCounts = detection
    ? boxesPerClass(labels, classes?.length ?? 0)
    : segmentation
      ? imagesPerClass(labels, meta.labelSize, classes?.length ?? 0)
      : counted.classCounts;
  const created: CreatedBlobs = new Set();
  try {
    const index = await writeIndexBlobs(labels, finalSplit, null, created);
    const normalisation =
      input.split && manifest.dtype === 'float32' && meta.normalisation && meta.normalisation.method !== 'none'
        ? await recomputeStatistics(parent, finalSplit, meta)
        : meta.normalisation;
    const changes = [
      input.labels.length > 0 ? `${input.labels.length} label(s) changed` : null,
      input.boxes.length > 0 ? `boxes of ${input.boxes.length} image(s) changed` : null,
      input.masks.length > 0 ? `masks of ${input.masks.length} image(s) changed` : null,
      input.addClasses.length > 0 ? `classes added: ${input.addClasses.join(', ')}` : null,
      input.split
        ? `split again (seed ${input.split.seed}, ${pct(input.split.validation)} validation, ${pct(input.split.test)} test)`
        : null,
    ].filter(Boolean);
    const committed = await commitVersion({
      target: { datasetId, parentNumber: input.parent },
      message: input.message || changes.join('; '),
      userId,
      meta: { ...meta, classes, counts, classCounts, split: splitSettings, normalisation },
      manifest: { ...manifest, labels: index.labels, split: index.split },
    });
    return { number: committed.number, versionId: committed.versionId };
  } catch (error) {
    await discardBlobs(created);
    throw error;
  }
}

/** A split for one newly labelled sample, from the version's fractions, the same every time. */
function drawSplit(seed: number, index: number, fractions: { validation: number; test: number }): number {
  const r = seededRandom((seed * 2654435761 + index) >>> 0)();
  return r < fractions.test ? SPLIT.test : r < fractions.test + fractions.validation ? SPLIT.validation : SPLIT.train;
}

/** Normalisation statistics over the new training split, streaming the shared shards. */
async function recomputeStatistics(parent: Awaited<ReturnType<typeof loadVersionData>>, split: Uint8Array, meta: VersionMeta) {
  const width = parent.manifest.sampleSize;
  const oneHot = oneHotMask(meta.columns ?? []);
  const statistics = new StatisticsAccumulator(width, oneHot);
  for (let s = 0; s < parent.manifest.shards.length; s++) {
    const shard = await readShard(parent.manifest.shards[s]!.hash);
    const floats = new Float32Array(shard.buffer, shard.byteOffset, shard.byteLength / 4);
    const start = parent.shardStarts[s] as number;
    for (let k = 0; k < parent.manifest.shards[s]!.count; k++)
      statistics.add(floats.subarray(k * width, (k + 1) * width), split[start + k] as number);
  }
  return statistics.result(meta.normalisation?.method ?? 'none');
}

const pct = (x: number) => `${Math.round(x * 100)} %`;
