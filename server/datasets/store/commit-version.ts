import type { Prisma } from '@/prisma/generated/client';
import type { Manifest, VersionMeta } from '@/server/datasets/manifest';
import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';

export interface NewDataset {
  teamId: string;
  name: string;
  description: string;
  kind: VersionMeta['kind'];
  source: string;
}

export interface CommitInput {
  /** Add to this dataset (its head must still be `parentNumber`), or create a new one. */
  target: { datasetId: string; parentNumber: number } | { create: NewDataset };
  message: string;
  userId: string | null;
  meta: VersionMeta;
  manifest: Manifest;
}

/** Every blob hash a manifest refers to. */
export function manifestHashes(manifest: Manifest): string[] {
  return [
    ...new Set([...manifest.shards.map((s) => s.hash), manifest.labels, manifest.split, ...(manifest.names ? [manifest.names] : [])]),
  ];
}

/**
 * Makes a version visible, in one transaction: the dataset (when new), the version, the records of
 * the blobs it uses, the dataset's head. Until this commits, nothing of an upload can be seen.
 */
export async function commitVersion(input: CommitInput): Promise<{ datasetId: string; number: number; versionId: string }> {
  const sampleCount = input.meta.counts.train + input.meta.counts.validation + input.meta.counts.test + input.meta.counts.unlabelled;
  return db().$transaction(async (tx) => {
    let datasetId: string;
    let number: number;
    let parentNumber: number | null;
    if ('create' in input.target) {
      const created = await tx.dataset.create({
        data: { ...input.target.create, headNumber: 1, createdById: input.userId },
        select: { id: true },
      });
      datasetId = created.id;
      number = 1;
      parentNumber = null;
    } else {
      datasetId = input.target.datasetId;
      const locked = await tx.$queryRaw<
        { headNumber: number | null }[]
      >`SELECT "headNumber" FROM "dataset" WHERE "id" = ${datasetId} FOR UPDATE`;
      const head = locked[0]?.headNumber ?? null;
      if (!locked[0]) throw new ApiError('not_found', 'The dataset was not found, or you do not have access to it.');
      if (head !== input.target.parentNumber) {
        throw new ApiError(
          'conflict',
          `Version ${head} was saved while you worked on version ${input.target.parentNumber}; start again from version ${head}.`,
          {
            head,
          },
        );
      }
      number = (head ?? 0) + 1;
      parentNumber = head;
      await tx.dataset.update({ where: { id: datasetId }, data: { headNumber: number } });
    }
    const version = await tx.datasetVersion.create({
      data: {
        datasetId,
        number,
        parentNumber,
        message: input.message,
        createdById: input.userId,
        sampleCount,
        meta: input.meta as unknown as Prisma.InputJsonValue,
        manifest: input.manifest as unknown as Prisma.InputJsonValue,
      },
      select: { id: true },
    });
    await tx.datasetVersionBlob.createMany({
      data: manifestHashes(input.manifest).map((blobHash) => ({ versionId: version.id, blobHash })),
    });
    return { datasetId, number, versionId: version.id };
  });
}

/** Deletes blobs an unfinished write stored, unless a committed version uses them after all. */
export async function discardBlobs(hashes: Iterable<string>): Promise<void> {
  const list = [...hashes];
  if (list.length === 0) return;
  await db()
    .blob.deleteMany({ where: { hash: { in: list }, datasetRefs: { none: {} } } })
    .catch(() => undefined);
}
