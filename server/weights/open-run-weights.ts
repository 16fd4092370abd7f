import { db } from '@/server/db/client';
import { badRequest } from '@/server/http/errors';
import { applyUnits } from '@/server/training/prepare-server-run';
import { runLayerNodes, runWeights } from '@/server/training/run-weights';
import { getVersion } from '@/server/versions/get-version';
import { storeVersion } from '@/server/versions/save-version';
import { fitWeights } from '@/server/weights/carry-weights';

/**
 * "Open in editor with these weights": a new head version whose graph is the one the run trained
 * (the run's version with its per-layer overrides) and whose weights are the run's trained ones,
 * matched by node id like every other load. The run's weights blob is referenced, not copied.
 */
export async function openRunWeights(userId: string, runId: string): Promise<{ projectId: string; number: number }> {
  const run = await db().trainingRun.findUniqueOrThrow({
    where: { id: runId },
    select: { projectId: true, versionNumber: true, config: true, name: true },
  });
  const { blobHash, meta } = await runWeights(runId);
  const version = await getVersion(run.projectId, run.versionNumber);
  const units = ((run.config ?? {}) as { units?: Record<string, number> }).units;
  const graph = applyUnits(version.graph, units);
  const weights = await fitWeights(
    { blobHash, specs: meta.weightSpecs, layerNodes: await runLayerNodes(runId, meta), source: `run:${runId}` },
    graph,
  );
  if (!weights) throw badRequest('The trained weights of this run fit no layer of the version it trained.');
  const project = await db().project.findUniqueOrThrow({ where: { id: run.projectId }, select: { headNumber: true } });
  const saved = await storeVersion(
    {
      projectId: run.projectId,
      authorId: userId,
      parent: project.headNumber,
      message: `Weights of run ${run.name ? `"${run.name}"` : runId} (trained on version ${run.versionNumber})`,
      graph,
      weights,
    },
    graph,
  );
  return { projectId: run.projectId, number: saved.number };
}
