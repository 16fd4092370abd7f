import { writeBlob } from '@/server/blobs/write-blob';
import { db } from '@/server/db/client';
import type { Row, World } from './world';

/**
 * Feature extraction. Each world gets a finished network run with weights, whose network a
 * feature-extraction run may take its features from.
 */
export async function prepare(world: World): Promise<Record<string, string>> {
  const weights = await writeBlob(new Uint8Array(new Float32Array([0.5, -0.25]).buffer));
  const base = await db().trainingRun.create({
    data: {
      projectId: world.projectId,
      versionNumber: 1,
      builtinDataset: 'iris',
      place: 'server',
      status: 'completed',
      config: {},
      finishedAt: new Date(),
      artifacts: {
        create: {
          kind: 'weights',
          blobHash: weights.hash,
          meta: { modelTopology: { class_name: 'Model' }, weightSpecs: [{ name: 'dense/kernel', shape: [2], dtype: 'float32' }] },
        },
      },
    },
  });
  return { featureBaseRunId: base.id };
}

export const rows: Row[] = [
  {
    file: 'projects/[projectId]/feature-runs',
    method: 'POST',
    path: (w) => `/api/projects/${w.projectId}/feature-runs`,
    body: (w) => ({
      versionNumber: 1,
      nodeId: 'd1',
      dataset: { builtin: 'iris' },
      classifier: { kind: 'knn' },
      baseRunId: w.extra.featureBaseRunId,
    }),
    expect: [401, 404, 403, 201, 201],
  },
];
