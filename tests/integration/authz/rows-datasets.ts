import { readFileSync } from 'node:fs';
import path from 'node:path';
import { zipSync } from 'fflate';
import { ManifestSchema, VersionMetaSchema } from '@/server/datasets/manifest';
import { UploadQuery } from '@/server/datasets/schemas';
import { commitVersion } from '@/server/datasets/store/commit-version';
import { uploadDataset } from '@/server/datasets/upload-dataset';
import { db } from '@/server/db/client';
import type { Row, World } from './world';

const MNIST = path.resolve(import.meta.dirname, '../../fixtures/datasets/mnist-png-30-per-class');
const png = (digit: number) => new Uint8Array(readFileSync(path.join(MNIST, String(digit), `${digit}_0000.png`)));
const ARCHIVE = zipSync({ 'a/0.png': png(0), 'a/1.png': png(1), 'b/2.png': png(2), 'b/3.png': png(3) });

/** The first uploads per database; later worlds get datasets whose version 1 shares their blobs (cheap). */
const uploaded = new WeakMap<object, { versionId: string; boxesVersionId: string }>();

const BOX_OPTIONS = JSON.stringify({ task: 'detection', width: 16, height: 16, classes: ['digit'], split: { validation: 0, test: 0 } });

/** Every world gets a small image dataset and a detection dataset of unlabelled images (version 1 each) in its team. */
export async function prepare(world: World): Promise<Record<string, string>> {
  const first = uploaded.get(db());
  if (!first) {
    const made = await uploadDataset(
      world.users.owner.id,
      world.teamId,
      UploadQuery.parse({ name: 'Matrix images', format: 'zip', options: JSON.stringify({ split: { validation: 0.25, test: 0.25 } }) }),
      [ARCHIVE],
    );
    const boxes = await uploadDataset(
      world.users.owner.id,
      world.teamId,
      UploadQuery.parse({ name: 'Matrix boxes', format: 'zip', options: BOX_OPTIONS }),
      [ARCHIVE],
    );
    uploaded.set(db(), { versionId: made.versionId, boxesVersionId: boxes.versionId });
    return { datasetId: made.datasetId, boxDatasetId: boxes.datasetId };
  }
  return {
    datasetId: await copyDataset(world, first.versionId, 'Matrix images'),
    boxDatasetId: await copyDataset(world, first.boxesVersionId, 'Matrix boxes'),
  };
}

async function copyDataset(world: World, versionId: string, name: string): Promise<string> {
  const version = await db().datasetVersion.findUniqueOrThrow({ where: { id: versionId }, select: { meta: true, manifest: true } });
  const made = await commitVersion({
    target: { create: { teamId: world.teamId, name, description: '', kind: 'image', source: '' } },
    message: 'copy',
    userId: world.users.owner.id,
    meta: VersionMetaSchema.parse(version.meta),
    manifest: ManifestSchema.parse(version.manifest),
  });
  return made.datasetId;
}

const base = (w: World) => `/api/datasets/${w.extra.datasetId}`;
const READ: [number, number, number, number, number] = [401, 404, 200, 200, 200];

/** Datasets: built-ins, team datasets, versions, batches, samples, uploads. */
export const rows: Row[] = [
  { file: 'builtin-datasets', method: 'GET', path: () => '/api/builtin-datasets', expect: [401, 200, 200, 200, 200] },
  { file: 'builtin-datasets/[name]/meta', method: 'GET', path: () => '/api/builtin-datasets/iris/meta', expect: [401, 200, 200, 200, 200] },
  {
    file: 'builtin-datasets/[name]/batches',
    method: 'GET',
    path: () => '/api/builtin-datasets/iris/batches?split=train&limit=8&seed=1',
    expect: [401, 200, 200, 200, 200],
  },
  { file: 'teams/[teamId]/datasets', method: 'GET', path: (w) => `/api/teams/${w.teamId}/datasets`, expect: READ },
  {
    file: 'teams/[teamId]/datasets',
    method: 'POST',
    path: (w) => `/api/teams/${w.teamId}/datasets?name=Matrix&format=csv`,
    body: () => 'a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n',
    expect: [401, 404, 403, 201, 201],
  },
  { file: 'datasets/[datasetId]', method: 'GET', path: base, expect: READ },
  { file: 'datasets/[datasetId]', method: 'PATCH', path: base, body: () => ({ name: 'Renamed' }), expect: [401, 404, 403, 200, 200] },
  { file: 'datasets/[datasetId]', method: 'DELETE', path: base, expect: [401, 404, 403, 204, 204] },
  {
    file: 'datasets/[datasetId]/versions',
    method: 'POST',
    path: (w) => `${base(w)}/versions`,
    body: () => ({ parent: 1, addClasses: ['c'] }),
    expect: [401, 404, 403, 201, 201],
  },
  {
    // Boxes drawn in the box labeller: the same route, on a detection dataset.
    file: 'datasets/[datasetId]/versions',
    method: 'POST',
    path: (w) => `/api/datasets/${w.extra.boxDatasetId}/versions`,
    body: () => ({ parent: 1, boxes: [{ index: 0, boxes: [{ classIndex: 0, x: 0.25, y: 0.25, width: 0.5, height: 0.5 }] }] }),
    expect: [401, 404, 403, 201, 201],
  },
  { file: 'datasets/[datasetId]/versions/[number]', method: 'GET', path: (w) => `${base(w)}/versions/1`, expect: READ },
  { file: 'datasets/[datasetId]/versions/[number]/meta', method: 'GET', path: (w) => `${base(w)}/versions/1/meta`, expect: READ },
  {
    file: 'datasets/[datasetId]/versions/[number]/batches',
    method: 'GET',
    path: (w) => `${base(w)}/versions/1/batches?split=train&limit=4&seed=2`,
    expect: READ,
  },
  { file: 'datasets/[datasetId]/versions/[number]/samples', method: 'GET', path: (w) => `${base(w)}/versions/1/samples`, expect: READ },
  {
    file: 'datasets/[datasetId]/versions/[number]/samples',
    method: 'GET',
    path: (w) => `/api/datasets/${w.extra.boxDatasetId}/versions/1/samples?filter=all`,
    expect: READ,
  },
  {
    file: 'datasets/[datasetId]/versions/[number]/samples/[index]',
    method: 'GET',
    path: (w) => `${base(w)}/versions/1/samples/0`,
    expect: READ,
  },
];
