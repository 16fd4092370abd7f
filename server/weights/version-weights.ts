import type * as tfjs from '@tensorflow/tfjs';
import { assignLayerNames } from '@/engine/analysis/layer-names';
import { type WeightLoadPlan, WeightLoadPlanSchema } from '@/engine/train/load-plan';
import type { SavedWeights } from '@/engine/train/node-weights';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { sql } from '@/server/db/sql';
import { getVersion } from '@/server/versions/get-version';
import type { VersionWeights } from '@/server/weights/schemas';

/** A version's weights row, read back with the node of every layer. */
export interface StoredVersionWeights extends VersionWeights {
  blobHash: string;
  /** The content hash of the version's graph. */
  contentHash: string;
}

/** A weights row as SQL gives it: jsonb columns parsed, the blob's size (a bigint) as text. */
type WeightsRow = {
  blobHash: string;
  weightSpecs: unknown;
  layerNodes: unknown;
  plan: unknown;
  source: string;
  bytes: string;
  contentHash: string;
};

/**
 * The weights of a version (`head`: the newest), or null when it has none. Rows stored before the
 * node of each layer was recorded (gallery opens) were named by that version's own layer names, so
 * the map is worked out from its graph.
 */
export async function findVersionWeights(projectId: string, number: number | 'head'): Promise<StoredVersionWeights | null> {
  const n = number === 'head' ? (await getVersion(projectId, 'head')).number : number;
  // Most saves are of versions without weights: one statement answers that before any graph is read.
  const [row] = await sql<WeightsRow>(
    `SELECT w."blobHash", w."weightSpecs", w."layerNodes", w."plan", w."source", b."size" AS "bytes", v."contentHash"
       FROM "version_weights" w JOIN "version" v ON v."id" = w."versionId" JOIN "blob" b ON b."hash" = w."blobHash"
      WHERE v."projectId" = $1 AND v."number" = $2`,
    [projectId, n],
  );
  if (!row) return null;
  const layerNodes =
    (row.layerNodes as Record<string, string> | null) ??
    Object.fromEntries(
      [...assignLayerNames((await getVersion(projectId, n)).graph.nodes)].map(([nodeId, layerName]) => [layerName, nodeId]),
    );
  return {
    blobHash: row.blobHash,
    contentHash: row.contentHash,
    source: row.source,
    bytes: Number(row.bytes),
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
