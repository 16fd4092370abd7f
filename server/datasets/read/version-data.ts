import { readBlobBytes } from '@/server/blobs/read-blob';
import { type Manifest, ManifestSchema, type VersionMeta, VersionMetaSchema } from '@/server/datasets/manifest';
import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';
import { Lru } from './lru';
import { readShard } from './shard-cache';

/** A stored version's description and its small per-sample arrays (labels, split), in memory. */
export interface VersionData {
  id: string;
  datasetId: string;
  teamId: string;
  number: number;
  name: string;
  source: string;
  meta: VersionMeta;
  manifest: Manifest;
  labels: Float32Array;
  split: Uint8Array;
  /** Index of the first sample of each shard, plus the total at the end. */
  shardStarts: Int32Array;
}

// Versions are immutable, so what was read once stays right.
const versions = new Lru<VersionData>(
  () => 64 * 1024 * 1024,
  (v) => v.labels.byteLength + v.split.byteLength + 4096,
);

export function loadVersionData(versionId: string): Promise<VersionData> {
  return versions.get(versionId, async () => {
    const row = await db().datasetVersion.findUnique({
      where: { id: versionId },
      select: {
        id: true,
        number: true,
        meta: true,
        manifest: true,
        dataset: { select: { id: true, teamId: true, name: true, source: true } },
      },
    });
    if (!row) throw notFound('The dataset version');
    const manifest = ManifestSchema.parse(row.manifest);
    const meta = VersionMetaSchema.parse(row.meta);
    const [labelBytes, split] = await Promise.all([readBlobBytes(manifest.labels), readBlobBytes(manifest.split)]);
    const labels = new Float32Array(labelBytes.buffer, labelBytes.byteOffset, labelBytes.byteLength / 4);
    const shardStarts = new Int32Array(manifest.shards.length + 1);
    manifest.shards.forEach((s, i) => {
      shardStarts[i + 1] = (shardStarts[i] as number) + s.count;
    });
    return {
      id: row.id,
      datasetId: row.dataset.id,
      teamId: row.dataset.teamId,
      number: row.number,
      name: row.dataset.name,
      source: row.dataset.source,
      meta,
      manifest,
      labels: new Float32Array(labels),
      split,
      shardStarts,
    };
  });
}

/** The version id of a dataset's version by number, or not_found. */
export async function versionIdOf(datasetId: string, number: number): Promise<string> {
  const row = await db().datasetVersion.findUnique({ where: { datasetId_number: { datasetId, number } }, select: { id: true } });
  if (!row) throw notFound(`Version ${number} of the dataset`);
  return row.id;
}

/** The shard holding a sample (binary search over the shards' first indexes). */
export function shardOf(starts: Int32Array, sample: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] as number) <= sample) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The shard bytes holding a sample, and the sample's position inside them. */
export async function locateSample(data: VersionData, index: number): Promise<{ shard: Uint8Array; offset: number }> {
  const s = shardOf(data.shardStarts, index);
  const shard = await readShard(data.manifest.shards[s]!.hash);
  return { shard, offset: index - (data.shardStarts[s] as number) };
}
