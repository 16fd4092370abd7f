import type * as tfjs from '@tensorflow/tfjs';
import { runFeatureExtraction } from '@/engine/features/run-feature-extraction';
import { openBatchSource } from '@/server/datasets/open-batch-source';
import { db } from '@/server/db/client';
import { BaseNetworkProblem, baseNetwork } from '@/server/features/base-network';
import { trainClassifier } from '@/server/features/classic-classifier';
import { saveClassifier } from '@/server/features/run-classifier';
import { StoredFeatureSettingsSchema } from '@/server/features/schemas';
import { datasetRefOf } from '@/server/training/dataset-ref';
import { finishRun } from '@/server/training/finish-run';
import { keepLease, releaseLease, renewLease } from '@/server/training/lease';
import { publishRunEvent } from '@/server/training/run-events';
import { isInfrastructureError, type ServerRunOptions, type ServerRunOutcome } from '@/server/training/train-on-server';

/** How long a worker may hold a run while it fits a classifier without renewing the lease. */
const FIT_LEASE_SECONDS = 30 * 60;

/**
 * A feature-extraction run on a worker, as its lease holder: the base network with its weights, the
 * dataset streamed through it in batches (progress as two "epochs": the training split, then the
 * test split), the classifier trained, saved with the run, and the test figures and confusion
 * matrix recorded. Stops between batches when cancelled, when the lease is lost or when the worker
 * shuts down (then the job is retried; the run starts again, it has no checkpoints).
 */
export async function extractOnServer(tf: typeof tfjs, options: Omit<ServerRunOptions, 'checkpoint'>): Promise<ServerRunOutcome> {
  const { runId, workerId } = options;
  const lease = keepLease(runId, workerId);
  const fail = async (error: string) => {
    await finishRun(runId, { status: 'failed', error, workerId });
    return 'failed' as const;
  };
  let base: Awaited<ReturnType<typeof baseNetwork>> | null = null;
  try {
    const run = await db().trainingRun.findUniqueOrThrow({
      where: { id: runId },
      select: { projectId: true, versionNumber: true, builtinDataset: true, datasetVersionId: true, config: true, initialRunId: true },
    });
    const stored = (run.config ?? {}) as Record<string, unknown>;
    const settings = StoredFeatureSettingsSchema.safeParse(stored.features);
    if (!settings.success) return await fail(`The run's settings are not valid: ${settings.error.issues[0]?.message}`);
    try {
      base = await baseNetwork(tf, { projectId: run.projectId, versionNumber: run.versionNumber, baseRunId: run.initialRunId });
    } catch (error) {
      if (error instanceof BaseNetworkProblem) return await fail(error.message);
      throw error;
    }
    const seed = typeof stored.datasetSeed === 'number' ? stored.datasetSeed : undefined;
    let source: Awaited<ReturnType<typeof openBatchSource>>;
    try {
      source = await openBatchSource(datasetRefOf(run, seed));
    } catch (error) {
      return await fail(`The dataset cannot be read: ${(error as Error).message}`);
    }
    await db().trainingRun.update({ where: { id: runId }, data: { backend: tf.getBackend() } });
    await publishRunEvent(runId, { type: 'status', status: 'running', backend: tf.getBackend() });
    const batchSize = settings.data.batchSize;
    let last = 0;
    const result = await runFeatureExtraction(
      tf,
      { network: base.network, layerNames: base.layerNames, nodeId: settings.data.nodeId },
      source,
      { classifier: settings.data.classifier, batchSize, trainSamples: settings.data.trainSamples, train: trainClassifier },
      {
        shouldStop: () => lease.state.lost || lease.state.cancelRequested || (options.stopping?.() ?? false),
        progress: async (p) => {
          // Fitting the classifier blocks the event loop (the libraries are synchronous), so the
          // lease's timer cannot renew it meanwhile: it is extended for the fit beforehand.
          if ('phase' in p) {
            if (!(await renewLease(runId, workerId, FIT_LEASE_SECONDS))) lease.state.lost = true;
            return;
          }
          const now = Date.now();
          if (now - last < (options.progressEveryMs ?? 500) && p.done < p.total) return;
          last = now;
          await publishRunEvent(runId, {
            type: 'progress',
            epoch: p.split === 'train' ? 0 : 1,
            batch: Math.ceil(p.done / batchSize),
            batches: Math.ceil(p.total / batchSize),
            totalEpochs: 2,
            metrics: {},
          }).catch(() => undefined);
        },
      },
    );
    if (!result.ok) return await fail(result.problem);
    if (lease.state.lost) return 'lost';
    if (result.cancelled) {
      if (!lease.state.cancelRequested) {
        await releaseLease(runId, workerId);
        return 'interrupted';
      }
      await finishRun(runId, { status: 'cancelled', workerId });
      return 'cancelled';
    }
    await saveClassifier(runId, result.classifier, {
      classifier: result.classifier.settings.kind,
      nodeId: settings.data.nodeId,
      layerName: base.layerNames.get(settings.data.nodeId) ?? settings.data.nodeId,
      featureCount: result.classifier.featureCount,
      inputNote: result.inputNote,
    });
    await finishRun(runId, { status: 'completed', finalMetrics: result.finalMetrics, evaluation: result.evaluation, workerId });
    return 'completed';
  } catch (error) {
    if (isInfrastructureError(error)) throw error;
    return await fail(`Feature extraction failed: ${(error as Error).message ?? String(error)}`);
  } finally {
    base?.network.dispose();
    lease.stop();
  }
}
