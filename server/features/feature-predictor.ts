import type * as tfjs from '@tensorflow/tfjs';
import { nodeTf } from '@/engine/backends/node-tf';
import type { DatasetMeta } from '@/engine/data/meta';
import { featureModel } from '@/engine/features/feature-model';
import { fitInput } from '@/engine/features/fit-input';
import { db } from '@/server/db/client';
import { BaseNetworkProblem, baseNetwork } from '@/server/features/base-network';
import { loadClassifier } from '@/server/features/classic-classifier';
import { readSavedClassifier, runClassifierArtifact } from '@/server/features/run-classifier';
import { badRequest, notFound } from '@/server/http/errors';
import { datasetMeta } from '@/server/predict/run-input';
import { cached } from '@/server/predict/run-model';

/** A finished feature-extraction run, ready to classify: its base network cut at the layer, then its classifier. */
export interface FeaturePredictor {
  meta: DatasetMeta;
  /** Class probabilities of `count` samples of the dataset's feature shape. */
  probabilities(features: Float32Array, count: number): number[][];
  dispose(): void;
}

/**
 * Loads (once, cached beside the runs' networks) what predicting with a feature-extraction run
 * takes: the base network with the weights the run used, cut at its layer, and the stored
 * classifier. A run without a classifier, or whose base is gone, is a 400 that says so.
 */
export async function featurePredictor(runId: string): Promise<FeaturePredictor> {
  const run = await db().trainingRun.findUnique({
    where: { id: runId },
    select: { status: true, projectId: true, versionNumber: true, initialRunId: true, builtinDataset: true, datasetVersionId: true },
  });
  if (!run) throw notFound('The run');
  const artifact = await runClassifierArtifact(runId, run.status);
  return cached(`features:${runId}:${artifact.blobHash}`, async () => {
    const meta = await datasetMeta(run);
    const tf = await nodeTf();
    const base = await baseNetwork(tf, { projectId: run.projectId, versionNumber: run.versionNumber, baseRunId: run.initialRunId }).catch(
      (error: Error) => {
        throw error instanceof BaseNetworkProblem ? badRequest(`This run's base network cannot be loaded: ${error.message}`) : error;
      },
    );
    const cut = featureModel(tf, base.network, base.layerNames, artifact.meta.nodeId);
    const fit = fitInput(meta.featureShape, base.network.inputs[0]?.shape.slice(1) ?? []);
    if (!cut.ok || !fit.ok) {
      base.network.dispose();
      throw badRequest(`This run's base network no longer fits it: ${!cut.ok ? cut.problem : !fit.ok ? fit.problem : ''}`);
    }
    const classifier = await loadClassifier(await readSavedClassifier(artifact.blobHash));
    return {
      meta,
      probabilities: (features, count) => {
        const out = tf.tidy(() => {
          const x = fit.adapt(tf, tf.tensor(features, [count, ...meta.featureShape], 'float32'));
          return (cut.model.predict(x) as tfjs.Tensor).reshape([count, -1]);
        });
        const flat = out.dataSync() as Float32Array;
        out.dispose();
        const width = flat.length / Math.max(1, count);
        return classifier.predictProbabilities(Array.from({ length: count }, (_, i) => flat.subarray(i * width, (i + 1) * width)));
      },
      dispose: () => {
        classifier.dispose();
        base.network.dispose();
      },
    };
  });
}
