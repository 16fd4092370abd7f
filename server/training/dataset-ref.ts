import { BUILTIN_NAMES } from '@/engine/data/builtins';
import { db } from '@/server/db/client';
import { badRequest, notFound } from '@/server/http/errors';
import { teamAccess } from '@/server/permissions';
import type { DatasetRef } from '@/server/training/schemas';

/** Names a run may give as `{ builtin }`. */
export function builtinDatasetNames(): string[] {
  return [...BUILTIN_NAMES];
}

/**
 * Checks that the caller may train on a dataset: a known built-in, or a version of a dataset in a
 * team the caller belongs to. Returns the columns a run stores.
 */
export async function checkDatasetRef(
  userId: string,
  ref: DatasetRef,
): Promise<{ builtinDataset: string | null; datasetVersionId: string | null }> {
  if ('builtin' in ref) {
    const names = builtinDatasetNames();
    if (!names.includes(ref.builtin)) throw badRequest(`There is no built-in dataset "${ref.builtin}"; there are ${names.join(', ')}.`);
    return { builtinDataset: ref.builtin, datasetVersionId: null };
  }
  const version = await db().datasetVersion.findUnique({
    where:
      'datasetVersionId' in ref ? { id: ref.datasetVersionId } : { datasetId_number: { datasetId: ref.datasetId, number: ref.number } },
    select: { id: true, dataset: { select: { teamId: true } } },
  });
  if (!version) throw notFound('The dataset version');
  try {
    await teamAccess(userId, version.dataset.teamId, 'viewer');
  } catch {
    throw notFound('The dataset version');
  }
  return { builtinDataset: null, datasetVersionId: version.id };
}

/** The stored columns back as a reference. */
export function datasetRefOf(
  run: { builtinDataset: string | null; datasetVersionId: string | null },
  seed?: number,
): { builtin: string; seed?: number } | { datasetVersionId: string } {
  if (run.datasetVersionId) return { datasetVersionId: run.datasetVersionId };
  if (run.builtinDataset) return seed === undefined ? { builtin: run.builtinDataset } : { builtin: run.builtinDataset, seed };
  throw badRequest('The dataset of this run no longer exists.');
}
