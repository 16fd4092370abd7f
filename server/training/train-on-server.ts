import type * as tfjs from '@tensorflow/tfjs';
import { AugmentationConfigSchema, augmentBatch, isAugmentationOff } from '@/engine/data/augment';
import { encodeCheckpoint } from '@/engine/train/checkpoint';
import { disposeModel } from '@/engine/train/prepare-model';
import { trainFromSource } from '@/engine/train/train-stream';
import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { completeServerRun } from '@/server/training/complete-server-run';
import { finishRun } from '@/server/training/finish-run';
import { keepLease, releaseLease } from '@/server/training/lease';
import { prepareServerRun, RunProblem } from '@/server/training/prepare-server-run';
import { recordServerEpoch } from '@/server/training/record-epoch';
import { publishRunEvent } from '@/server/training/run-events';

/** How a worker's turn at a run ended. */
export type ServerRunOutcome =
  | 'completed'
  | 'cancelled'
  | 'failed'
  /** Another worker took the run over (this one was presumed dead): it wrote nothing more. */
  | 'lost'
  /** The worker is shutting down: the run goes back to the queue and resumes from its checkpoint. */
  | 'interrupted';

export interface ServerRunOptions {
  runId: string;
  workerId: string;
  checkpoint: { epoch: number | null; hash: string | null };
  /** True once this worker process is shutting down. */
  stopping?: () => boolean;
  /** Least time between two progress events (ms). */
  progressEveryMs?: number;
}

/**
 * Trains one run on this worker, as its lease holder: compiles, restores the checkpoint if any,
 * trains on the BatchSource (augmenting training batches if the settings ask), and after every epoch
 * writes a checkpoint blob and records the epoch with it atomically, then tells the viewers. Progress
 * of each batch is published a few times a second. Stops between batches when cancelled, when the
 * lease is lost, or when the worker shuts down. At the end: test figures, evaluation, trained weights,
 * final status.
 */
export async function trainOnServer(tf: typeof tfjs, options: ServerRunOptions): Promise<ServerRunOutcome> {
  const { runId, workerId } = options;
  const lease = keepLease(runId, workerId);
  const started = Date.now();
  let previousCheckpoint = options.checkpoint.hash;
  try {
    let prepared: Awaited<ReturnType<typeof prepareServerRun>>;
    try {
      prepared = await prepareServerRun(tf, runId, options.checkpoint);
    } catch (error) {
      if (!(error instanceof RunProblem)) throw error;
      await finishRun(runId, { status: 'failed', error: error.message, workerId });
      return 'failed';
    }
    const { model, source, config, settings } = prepared;
    const augmentation = settings.augmentation ? AugmentationConfigSchema.parse(settings.augmentation) : null;
    const augment = augmentation && !isAugmentationOff(augmentation) ? augmentation : null;
    const stop = () => lease.state.lost || lease.state.cancelRequested || (options.stopping?.() ?? false);
    let lastProgress = 0;
    await publishRunEvent(runId, { type: 'status', status: 'running', backend: tf.getBackend() });
    try {
      const outcome = await trainFromSource(tf, model, source, {
        config,
        initialEpoch: prepared.initialEpoch,
        tracker: prepared.tracker,
        bestWeights: prepared.bestWeights,
        shouldStop: stop,
        ...(augment
          ? {
              transformBatch: (batch, epoch, index) =>
                augmentBatch(batch, source.featureShape, augment, (config.seed ?? 1) * 1_000_003 + epoch * 10_007 + index),
            }
          : {}),
        onBatchEnd: async (info) => {
          const now = Date.now();
          if (now - lastProgress < (options.progressEveryMs ?? 500) && info.batch + 1 < info.batches) return;
          lastProgress = now;
          await publishRunEvent(runId, {
            type: 'progress',
            epoch: info.epoch,
            batch: info.batch + 1,
            batches: info.batches,
            totalEpochs: config.epochs,
            metrics: info.metrics,
          }).catch(() => undefined);
        },
        onEpochEnd: async (record, context) => {
          const bytes = await encodeCheckpoint(tf, context.model, record.epoch, context.tracker, context.bestWeights);
          const blob = await writeBlob(bytes, { mediaType: 'application/x-netcanvas-checkpoint' });
          const kept = await recordServerEpoch(
            runId,
            workerId,
            {
              epoch: record.epoch,
              metrics: { ...record.metrics, samplesPerSecond: record.samplesPerSecond },
              learningRate: record.learningRate,
              seconds: record.seconds,
            },
            blob.hash,
          );
          if (!kept) {
            lease.state.lost = true;
            return;
          }
          if (previousCheckpoint && previousCheckpoint !== blob.hash) await deleteCheckpointBlob(previousCheckpoint);
          previousCheckpoint = blob.hash;
          await lease.renew();
        },
      });
      if (lease.state.lost) return 'lost';
      if (outcome.cancelled && !lease.state.cancelRequested) {
        await releaseLease(runId, workerId);
        return 'interrupted';
      }
      if (outcome.cancelled) {
        await finishRun(runId, { status: 'cancelled', workerId });
        return 'cancelled';
      }
      await completeServerRun(tf, { runId, workerId, model, source, config, outcome, startedMs: started });
      if (previousCheckpoint) await deleteCheckpointBlob(previousCheckpoint, runId);
      return 'completed';
    } catch (error) {
      // The database or the network failing is worth a retry (the job is retried from the checkpoint);
      // TF.js failing on this model would fail the same way again: the run fails, with the reason.
      if (isInfrastructureError(error)) throw error;
      await finishRun(runId, { status: 'failed', error: `Training failed: ${(error as Error).message ?? String(error)}`, workerId });
      return 'failed';
    } finally {
      disposeModel(model);
    }
  } finally {
    lease.stop();
  }
}

/** Errors of the database connection or the network, as opposed to errors of the training itself. */
export function isInfrastructureError(error: unknown): boolean {
  const e = error as { name?: string; code?: string; message?: string } | null;
  if (!e) return false;
  if (typeof e.name === 'string' && e.name.startsWith('PrismaClient')) return true;
  if (typeof e.code === 'string' && /^(E[A-Z]+|57P0\d|08\d{3}|53\d{3})$/.test(e.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|Can't reach database/i.test(e.message ?? '');
}

/** Drops a checkpoint that a newer one replaced (or, with `runId`, the last one once the run is done). */
async function deleteCheckpointBlob(hash: string, runId?: string): Promise<void> {
  const used = await db().artifact.count({ where: { blobHash: hash } });
  if (used > 0) return;
  if (runId) await db().trainingRun.update({ where: { id: runId }, data: { checkpointHash: null } });
  await db().blob.deleteMany({ where: { hash } });
}
