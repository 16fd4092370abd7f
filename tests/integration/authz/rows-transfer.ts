import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import { pretrainedRunResult } from '../../support/pretrained-run';
import type { Row, World } from './world';

/** One real trained network (the gallery's digits CNN) for every world's finished run; computed once. */
let trained: ReturnType<typeof pretrainedRunResult> | undefined;

/**
 * The gallery and predictions. Each world gets a finished run on the digits whose weights are a real
 * trained network, so an allowed predict call answers 200.
 */
export async function prepare(world: World): Promise<Record<string, string>> {
  trained ??= pretrainedRunResult('digits-cnn');
  const result = await trained;
  const weights = await writeBlob(result.bytes);
  const run = await db().trainingRun.create({
    data: {
      projectId: world.projectId,
      versionNumber: 1,
      builtinDataset: 'digits',
      place: 'browser',
      status: 'completed',
      config: {},
      finishedAt: new Date(),
      artifacts: {
        create: {
          kind: 'weights',
          blobHash: weights.hash,
          meta: { modelTopology: result.modelTopology, weightSpecs: result.weightSpecs } as object,
        },
      },
    },
  });
  return { predictRunId: run.id };
}

export const rows: Row[] = [
  {
    file: 'teams/[teamId]/gallery/[modelId]',
    method: 'POST',
    path: (w) => `/api/teams/${w.teamId}/gallery/digits-cnn`,
    body: () => ({ variant: 'full' }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    file: 'runs/[runId]/predict',
    method: 'POST',
    path: (w) => `/api/runs/${w.extra.predictRunId}/predict`,
    body: () => ({ rows: [Array.from({ length: 784 }, (_, i) => (i % 28 === 14 ? 1 : 0))] }),
    expect: [401, 404, 200, 200, 200],
  },
  {
    file: 'runs/[runId]/export.zip',
    method: 'GET',
    path: (w) => `/api/runs/${w.extra.predictRunId}/export.zip`,
    expect: [401, 404, 200, 200, 200],
  },
];
