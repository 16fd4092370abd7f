import { db } from '@/server/db/client';
import { badRequest, notFound } from '@/server/http/errors';
import { checkDatasetRef } from '@/server/training/dataset-ref';
import { queueServerRun } from '@/server/training/queue-server-run';
import { RUN_SUMMARY_SELECT, toRunSummary } from '@/server/training/run-view';
import type { CreateRunBody, RunSummary } from '@/server/training/schemas';

/**
 * Starts a run of one of the project's versions on a dataset. A server run is queued for the
 * workers; a browser run is recorded as running at once, and the page that trains it reports its
 * epochs, result and weights.
 */
export async function createRun(
  userId: string,
  projectId: string,
  body: CreateRunBody,
  sweepId: string | null = null,
): Promise<RunSummary> {
  const version = await db().version.findUnique({
    where: { projectId_number: { projectId, number: body.versionNumber } },
    select: { id: true },
  });
  if (!version) throw notFound(`Version ${body.versionNumber}`);
  const dataset = await checkDatasetRef(userId, body.dataset);
  if (body.initialRunId) {
    const initial = await db().trainingRun.findUnique({
      where: { id: body.initialRunId },
      select: { projectId: true, _count: { select: { artifacts: { where: { kind: 'weights' } } } } },
    });
    if (!initial || initial.projectId !== projectId) throw notFound('The run to start from');
    if (initial._count.artifacts === 0) throw badRequest('The run to start from has no trained weights.');
  }
  const browser = body.place === 'browser';
  const run = await db().trainingRun.create({
    data: {
      projectId,
      versionNumber: body.versionNumber,
      ...dataset,
      place: body.place,
      backend: browser ? (body.backend ?? null) : null,
      status: browser ? 'running' : 'queued',
      startedAt: browser ? new Date() : null,
      config: {
        ...body.settings,
        resolved: browser,
        ...('seed' in body.dataset && body.dataset.seed !== undefined ? { datasetSeed: body.dataset.seed } : {}),
      },
      label: body.label ?? '',
      createdById: userId,
      initialRunId: body.initialRunId ?? null,
      sweepId,
    },
    select: { id: true },
  });
  if (!browser) await queueServerRun(run.id);
  return toRunSummary(await db().trainingRun.findUniqueOrThrow({ where: { id: run.id }, select: RUN_SUMMARY_SELECT }));
}
