import type * as tfjs from '@tensorflow/tfjs';
import { assignLayerNames } from '@/engine/analysis/layer-names';
import { type WeightLoadPlan, WeightLoadPlanSchema } from '@/engine/train/load-plan';
import type { SavedWeights } from '@/engine/train/node-weights';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { db } from '@/server/db/client';
import { getVersion } from '@/server/versions/get-version';
import type { VersionWeights } from '@/server/weights/schemas';

/** A version's weights row, read back with the node of every layer. */
export interface StoredVersionWeights extends VersionWeights {
  blobHash: string;
  /** The content hash of the version's graph. */
  contentHash: string;
}

/**
 * The weights of a version (`head`: the newest), or null when it has none. Rows stored before the
 * node of each layer was recorded (gallery opens) were named by that version's own layer names, so
 * the map is worked out from its graph.
 */
export async function findVersionWeights(projectId: string, number: number | 'head'): Promise<StoredVersionWeights | null> {
  const n = number === 'head' ? (await getVersion(projectId, 'head')).number : number;
  // Most saves are of versions without weights: one query answers that before any graph is read.
  const row = await db().versionWeights.findFirst({
    where: { version: { projectId, number: n } },
    select: {
      blobHash: true,
      weightSpecs: true,
      layerNodes: true,
      plan: true,
      source: true,
      blob: { select: { size: true } },
      version: { select: { contentHash: true } },
    },
  });
  if (!row) return null;
  const layerNodes =
    (row.layerNodes as Record<string, string> | null) ??
    Object.fromEntries(
      [...assignLayerNames((await getVersion(projectId, n)).graph.nodes)].map(([nodeId, layerName]) => [layerName, nodeId]),
    );
  return {
    blobHash: row.blobHash,
    contentHash: row.version.contentHash,
    source: row.source,
    bytes: Number(row.blob.size),
    specs: row.weightSpecs as VersionWeights['specs'],
    layerNodes,
    plan: row.plan === null ? null : (WeightLoadPlanSchema.parse(row.plan) as WeightLoadPlan),
  };
}

/** A version's weights as tensors with the node of each layer, or null (the caller disposes the tensors). */
export async function versionSavedWeights(tf: typeof tfjs, projectId: string, number: number): Promise<SavedWeights | null> {
  const stored = await findVersionWeights(projectId, number);
  if (!stored) return null;
  const bytes = await readBlobBytes(stored.blobHash);
  const tensors = tf.io.decodeWeights(bytes.slice().buffer, stored.specs as tfjs.io.WeightsManifestEntry[]);
  return { tensors, layerNodes: stored.layerNodes };
}
