import { db } from '@/server/db/client';
import type { CreateFeatureRunBody } from '@/server/features/schemas';
import { badRequest, notFound } from '@/server/http/errors';
import { checkDatasetRef } from '@/server/training/dataset-ref';
import { queueServerRun } from '@/server/training/queue-server-run';
import { RUN_SUMMARY_SELECT, toRunSummary } from '@/server/training/run-view';
import type { RunSummary } from '@/server/training/schemas';
import { getVersion } from '@/server/versions/get-version';

/**
 * Records a feature-extraction run and queues it for the workers (the same `train-run` queue,
 * lease and retry as network training; the worker tells the kinds apart). What can be checked at
 * once is: the version and its layer, where the weights come from, the dataset.
 */
export async function createFeatureRun(userId: string, projectId: string, body: CreateFeatureRunBody): Promise<RunSummary> {
  const version = await getVersion(projectId, body.versionNumber).catch(() => {
    throw notFound(`Version ${body.versionNumber}`);
  });
  const node = version.graph.nodes.find((n) => n.id === body.nodeId);
  if (!node) throw badRequest(`Version ${body.versionNumber} has no layer "${body.nodeId}" to take features from.`, { field: 'nodeId' });
  if (node.type === 'input') throw badRequest('Pick a layer after the input: the input holds the raw samples.', { field: 'nodeId' });
  if (body.baseRunId) {
    const base = await db().trainingRun.findUnique({
      where: { id: body.baseRunId },
      select: { projectId: true, kind: true, _count: { select: { artifacts: { where: { kind: 'weights' } } } } },
    });
    if (!base || base.projectId !== projectId) throw notFound('The run to take the network from');
    if (base.kind !== 'network' || base._count.artifacts === 0) {
      throw badRequest('The run to take the network from has no trained weights.', { field: 'baseRunId' });
    }
  } else {
    const weights = await db().versionWeights.count({ where: { version: { projectId, number: body.versionNumber } } });
    if (weights === 0) {
      throw badRequest(
        `Version ${body.versionNumber} has no weights of its own: pick a gallery model's version, or a finished run to take the network from.`,
        { field: 'baseRunId' },
      );
    }
  }
  const dataset = await checkDatasetRef(userId, body.dataset);
  const run = await db().trainingRun.create({
    data: {
      projectId,
      versionNumber: body.versionNumber,
      ...dataset,
      kind: 'features',
      place: 'server',
      status: 'queued',
      config: {
        features: { nodeId: body.nodeId, classifier: body.classifier, batchSize: body.batchSize, trainSamples: body.trainSamples },
        ...('seed' in body.dataset && body.dataset.seed !== undefined ? { datasetSeed: body.dataset.seed } : {}),
      },
      label: body.label ?? '',
      createdById: userId,
      initialRunId: body.baseRunId ?? null,
    },
    select: { id: true },
  });
  await queueServerRun(run.id);
  return toRunSummary(await db().trainingRun.findUniqueOrThrow({ where: { id: run.id }, select: RUN_SUMMARY_SELECT }));
}
