import type * as tfjs from '@tensorflow/tfjs';
import type { BatchSource } from '@/engine/data/batch-source';
import { tfjsArtifacts } from '@/engine/export/tfjs-artifacts';
import type { TrainingConfig } from '@/engine/graph/training-config';
import { evaluateSource, prefixed } from '@/engine/train/evaluate-source';
import { evaluateModel } from '@/engine/train/evaluation';
import type { TrainOutcome } from '@/engine/train/train-model';
import { targetShapeOf } from '@/engine/train/train-stream';
import { writeBlob } from '@/server/blobs/write-blob';
import { finishRun } from '@/server/training/finish-run';
import { runEpochs } from '@/server/training/get-run';
import { saveRunWeights } from '@/server/training/run-weights';

/**
 * The end of a server run: the figures of the epoch whose weights the model keeps (the best one
 * with keep-best), the test split's loss and metrics, the confusion matrix or residuals, the trained
 * weights as a TF.js model (served at /api/runs/:runId/model), then `completed`.
 */
export async function completeServerRun(
  tf: typeof tfjs,
  args: {
    runId: string;
    workerId: string;
    model: tfjs.LayersModel;
    source: BatchSource;
    config: TrainingConfig;
    outcome: TrainOutcome;
    startedMs: number;
  },
): Promise<void> {
  const { runId, model, source, config, outcome } = args;
  const epochs = await runEpochs(runId);
  const keptEpoch = config.keepBest && outcome.bestEpoch !== null ? outcome.bestEpoch : (epochs[epochs.length - 1]?.epoch ?? null);
  const kept = epochs.find((e) => e.epoch === keptEpoch) ?? epochs[epochs.length - 1];
  const finalMetrics: Record<string, number> = { ...(kept?.metrics ?? {}), epochs: epochs.length };
  if (keptEpoch !== null) finalMetrics.bestEpoch = keptEpoch + 1;
  if (outcome.stoppedEarly) finalMetrics.stoppedEarly = 1;
  const speeds = epochs.map((e) => e.metrics.samplesPerSecond).filter((v): v is number => typeof v === 'number');
  if (speeds.length > 0) finalMetrics.samplesPerSecond = speeds.reduce((a, b) => a + b, 0) / speeds.length;
  if (source.count('test') > 0) {
    Object.assign(finalMetrics, prefixed('test', await evaluateSource(tf, model, source, 'test', targetShapeOf(source, model, config))));
  }
  const evaluation = await evaluateModel(tf, model, source, { samples: 24 });
  const artifacts = await tfjsArtifacts(tf, model);
  const blob = await writeBlob(artifacts['weights.bin'], { mediaType: 'application/octet-stream' });
  const manifest = (artifacts['model.json'].weightsManifest as { weights: { name: string; shape: number[]; dtype: string }[] }[])[0];
  await saveRunWeights(runId, blob.hash, {
    modelTopology: artifacts['model.json'].modelTopology as Record<string, unknown>,
    weightSpecs: manifest?.weights ?? [],
    epoch: keptEpoch,
  });
  await finishRun(runId, { status: 'completed', finalMetrics, evaluation, workerId: args.workerId });
}
