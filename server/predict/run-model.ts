import type * as tfjs from '@tensorflow/tfjs';
import { nodeTf } from '@/engine/backends/node-tf';
import type { DatasetMeta } from '@/engine/data/meta';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { db } from '@/server/db/client';
import { badRequest } from '@/server/http/errors';
import { datasetMeta } from '@/server/predict/run-input';
import type { WeightsMeta } from '@/server/training/run-weights';

/** A finished run's network, loaded in the server process, with what its inputs must look like. */
export interface RunModel {
  model: tfjs.LayersModel;
  meta: DatasetMeta;
  dispose(): void;
}

/** Networks kept loaded (a MobileNetV2 is ~10 MB of float32 weights); the least recently used is disposed. */
const MODELS_KEPT = 4;
const models = new Map<string, Promise<{ dispose(): void }>>();

/**
 * One shared load per key (a run's network, or a feature run's network and classifier); a failed
 * load is forgotten, an evicted one's tensors freed.
 */
export function cached<T extends { dispose(): void }>(key: string, load: () => Promise<T>): Promise<T> {
  const hit = models.get(key) as Promise<T> | undefined;
  if (hit) {
    models.delete(key);
    models.set(key, hit);
    return hit;
  }
  const loading = load();
  models.set(key, loading);
  loading.catch(() => models.delete(key));
  for (const [old, entry] of models) {
    if (models.size <= MODELS_KEPT) break;
    models.delete(old);
    entry.then((m) => m.dispose()).catch(() => undefined);
  }
  return loading;
}

/**
 * The run's trained network (TF.js, wasm in Node), loaded once and cached by run and weights; a run
 * without weights, or whose dataset is gone, is a 400 that says so.
 */
export async function runModel(runId: string): Promise<RunModel> {
  const run = await db().trainingRun.findUnique({
    where: { id: runId },
    select: {
      status: true,
      builtinDataset: true,
      datasetVersionId: true,
      artifacts: {
        where: { kind: 'weights', blobHash: { not: null } },
        orderBy: { createdAt: 'desc' },
        take: 1,
        select: { blobHash: true, meta: true },
      },
    },
  });
  const weights = run?.artifacts[0];
  if (!run || !weights?.blobHash) {
    throw badRequest(`This run has no trained weights${run ? ` (it is ${run.status})` : ''}: predict with a run that finished training.`);
  }
  const key = `${runId}:${weights.blobHash}`;
  const hash = weights.blobHash;
  return cached(key, async () => {
    const meta = await datasetMeta(run);
    const { modelTopology, weightSpecs } = weights.meta as unknown as WeightsMeta;
    const data = await readBlobBytes(hash);
    const tf = await nodeTf();
    try {
      const model = await tf.loadLayersModel(
        tf.io.fromMemory({ modelTopology, weightSpecs: weightSpecs as tfjs.io.WeightsManifestEntry[], weightData: data.slice().buffer }),
      );
      return { model, meta, dispose: () => model.dispose() };
    } catch (error) {
      throw badRequest(`This run's stored network could not be loaded for prediction: ${(error as Error).message}`);
    }
  });
}
