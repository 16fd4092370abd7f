import type * as tfjs from '@tensorflow/tfjs';
import { assignLayerNames } from '@/engine/analysis/layer-names';
import type { SavedWeights } from '@/engine/train/node-weights';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { db } from '@/server/db/client';
import { badRequest, notFound } from '@/server/http/errors';
import { getVersion } from '@/server/versions/get-version';

/** What a `weights` artifact keeps besides the weights.bin blob: enough to write a model.json. */
export interface WeightsMeta {
  modelTopology: Record<string, unknown>;
  weightSpecs: { name: string; shape: number[]; dtype: string }[];
  /** Epoch whose weights these are (keep-best: the best one). */
  epoch?: number | null;
  /** TF.js layer name → node id; absent in weights stored before it was recorded (see {@link runLayerNodes}). */
  layerNodes?: Record<string, string>;
}

/**
 * Stores a run's trained weights as its `weights` artifact: the bytes are already a blob (written
 * by the worker, or uploaded by the page); the artifact ties them to the model topology and the
 * weight specs. Replaces an earlier one of the same run.
 */
export async function saveRunWeights(runId: string, blobHash: string, meta: WeightsMeta): Promise<void> {
  const blob = await db().blob.findUnique({ where: { hash: blobHash }, select: { size: true } });
  if (!blob) throw badRequest('Upload the weights (PUT /api/runs/:runId/weights.bin) before finishing the run.');
  const expected = meta.weightSpecs.reduce((n, s) => n + s.shape.reduce((a, b) => a * b, 1) * bytesPer(s.dtype), 0);
  if (Number(blob.size) !== expected) {
    // The size of a stored blob is not told: it would describe bytes the caller may not have sent.
    throw badRequest(`The weights do not match the weight specs, which describe ${expected} bytes.`);
  }
  await db().$transaction([
    db().artifact.deleteMany({ where: { runId, kind: 'weights' } }),
    db().artifact.create({ data: { runId, kind: 'weights', blobHash, meta: meta as object } }),
  ]);
}

function bytesPer(dtype: string): number {
  return dtype === 'float32' || dtype === 'int32' ? 4 : dtype === 'bool' ? 1 : 4;
}

/** The run's weights artifact, or a 404 that says the run has none yet. */
export async function runWeights(runId: string): Promise<{ blobHash: string; meta: WeightsMeta }> {
  const artifact = await db().artifact.findFirst({
    where: { runId, kind: 'weights', blobHash: { not: null } },
    orderBy: { createdAt: 'desc' },
    select: { blobHash: true, meta: true },
  });
  if (!artifact?.blobHash) throw notFound('Trained weights of this run');
  return { blobHash: artifact.blobHash, meta: artifact.meta as unknown as WeightsMeta };
}

/**
 * The run's model as TF.js's layers-model `model.json`: topology plus a weights manifest whose one
 * path, `weights.bin`, resolves next to the model URL — so `tf.loadLayersModel('/api/runs/ID/model')`
 * fetches `/api/runs/ID/weights.bin`.
 */
export async function runModelJson(runId: string): Promise<Record<string, unknown>> {
  const { meta } = await runWeights(runId);
  return {
    format: 'layers-model',
    generatedBy: 'NetCanvas',
    convertedBy: null,
    modelTopology: meta.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: meta.weightSpecs }],
    // Which node each layer came from, so "continue from this run" loads weights by node, not by name.
    userDefinedMetadata: { layerNodes: await runLayerNodes(runId, meta) },
  };
}

/**
 * Which node each layer of a run's weights came from. Recorded with the weights since weights are
 * keyed by node; for weights stored before that, worked out from the version the run trained on
 * (the layer names were then, as now, given by `assignLayerNames` in node order).
 */
export async function runLayerNodes(runId: string, meta: WeightsMeta): Promise<Record<string, string>> {
  if (meta.layerNodes) return meta.layerNodes;
  const run = await db().trainingRun.findUniqueOrThrow({ where: { id: runId }, select: { projectId: true, versionNumber: true } });
  const version = await getVersion(run.projectId, run.versionNumber).catch(() => null);
  const out: Record<string, string> = {};
  for (const [nodeId, layerName] of assignLayerNames(version?.graph.nodes ?? [])) out[layerName] = nodeId;
  return out;
}

/** A run's trained weights as tensors, with the node of each layer (the caller disposes the tensors). */
export async function runSavedWeights(tf: typeof tfjs, runId: string): Promise<SavedWeights> {
  const { blobHash, meta } = await runWeights(runId);
  const bytes = await readBlobBytes(blobHash);
  const tensors = tf.io.decodeWeights(bytes.slice().buffer, meta.weightSpecs as tfjs.io.WeightsManifestEntry[]);
  return { tensors, layerNodes: await runLayerNodes(runId, meta) };
}
