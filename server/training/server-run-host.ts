import type * as tfjs from '@tensorflow/tfjs';
import type { RunHost } from '@/engine/train/run-host';
import { readBlobBytes } from '@/server/blobs/read-blob';
import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { runEpochs } from '@/server/training/get-run';
import type { keepLease } from '@/server/training/lease';
import type { PreparedServerRun } from '@/server/training/prepare-server-run';
import { recordServerEpoch } from '@/server/training/record-epoch';
import { publishRunEvent } from '@/server/training/run-events';
import { runSavedWeights } from '@/server/training/run-weights';
import { versionSavedWeights } from '@/server/weights/version-weights';

export interface ServerHostOptions {
  runId: string;
  workerId: string;
  checkpoint: { epoch: number | null; hash: string | null };
  lease: ReturnType<typeof keepLease>;
  /** True once this worker process is shutting down. */
  stopping?: () => boolean;
  /** Least time between two progress events (ms). */
  progressEveryMs?: number;
  /** Called with a checkpoint a newer one replaced. */
  replaced(hash: string): Promise<void>;
}

/**
 * The run driver's host on a server worker: checkpoints are blobs recorded with their epoch in one
 * statement (only while this worker holds the lease), progress goes to NOTIFY, the resolved
 * settings and the resume point are written to the run, and a lost lease, a cancel or a shutdown
 * stops it between batches.
 */
export function serverRunHost(
  tf: typeof tfjs,
  prepared: PreparedServerRun,
  options: ServerHostOptions,
): RunHost & { lastCheckpoint(): string | null } {
  const { runId, workerId, lease } = options;
  let previous = options.checkpoint.hash;
  let lastProgress = 0;
  let totalEpochs = 0;
  return {
    source: prepared.source,
    lastCheckpoint: () => previous,
    initialWeights: async () => {
      // A run to continue from wins; else the version's own weights (a gallery model's, an import's).
      const weights = prepared.initialRunId
        ? await runSavedWeights(tf, prepared.initialRunId)
        : await versionSavedWeights(tf, prepared.version.projectId, prepared.version.number);
      return weights ? { weights, policy: 'matching' } : null;
    },
    checkpoints: {
      latest: async () => {
        const { hash, epoch } = options.checkpoint;
        if (hash === null || epoch === null) return null;
        const epochs = (await runEpochs(runId)).map((e) => ({ ...e, samplesPerSecond: e.metrics.samplesPerSecond ?? 0 }));
        return { bytes: await readBlobBytes(hash), epochs };
      },
      save: async (record, bytes) => {
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
          return false;
        }
        if (previous && previous !== blob.hash) await options.replaced(previous);
        previous = blob.hash;
        await lease.renew();
        return true;
      },
    },
    progress: {
      started: async (start) => {
        totalEpochs = start.config.epochs;
        await db().trainingRun.update({
          where: { id: runId },
          data: {
            backend: tf.getBackend(),
            config: {
              ...prepared.stored,
              training: start.config,
              resolved: true,
              ...(start.weightPlan ? { weightPlan: start.weightPlan } : {}),
            } as object,
            ...(start.resumed ? { resumedFromEpoch: start.initialEpoch } : {}),
          },
        });
        await publishRunEvent(runId, { type: 'status', status: 'running', backend: tf.getBackend() });
      },
      batch: async (info) => {
        const now = Date.now();
        if (now - lastProgress < (options.progressEveryMs ?? 500) && info.batch + 1 < info.batches) return;
        lastProgress = now;
        await publishRunEvent(runId, {
          type: 'progress',
          epoch: info.epoch,
          batch: info.batch + 1,
          batches: info.batches,
          totalEpochs,
          metrics: info.metrics,
        }).catch(() => undefined);
      },
    },
    control: { shouldStop: () => lease.state.lost || lease.state.cancelRequested || (options.stopping?.() ?? false) },
  };
}
