import type { Evaluation } from '@/engine/train/evaluation';
import type { RunTiming } from '@/engine/train/phase-clock';
import type { RunArtifacts } from '@/engine/train/run-job';
import { writeBlob } from '@/server/blobs/write-blob';
import { finishRun } from '@/server/training/finish-run';
import { saveRunWeights } from '@/server/training/run-weights';

/**
 * The end of a server run: the trained weights as a TF.js model (served at /api/runs/:runId/model,
 * with the node of each layer), the final figures and the evaluation the run driver worked out,
 * then `completed`.
 */
export async function completeServerRun(args: {
  runId: string;
  workerId: string;
  finalMetrics: Record<string, number>;
  evaluation: Evaluation | null;
  artifacts: RunArtifacts;
  timing?: RunTiming;
}): Promise<void> {
  const { runId, artifacts } = args;
  const blob = await writeBlob(artifacts.weightData, { mediaType: 'application/octet-stream' });
  await saveRunWeights(runId, blob.hash, {
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightSpecs,
    epoch: artifacts.epoch,
    layerNodes: artifacts.layerNodes,
  });
  await finishRun(runId, {
    status: 'completed',
    finalMetrics: args.finalMetrics,
    evaluation: args.evaluation,
    workerId: args.workerId,
    ...(args.timing ? { timing: args.timing } : {}),
  });
}
