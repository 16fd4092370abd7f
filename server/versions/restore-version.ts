import { db } from '@/server/db/client';
import { getVersion } from '@/server/versions/get-version';
import { storeVersion } from '@/server/versions/save-version';
import type { VersionMeta } from '@/server/versions/schemas';

/**
 * Restores an old version: a new version on top of the head whose content equals the old one.
 * History is never rewritten. `parent` (default: the current head) guards against a stale view.
 */
export async function restoreVersion(input: {
  projectId: string;
  authorId: string;
  number: number | 'head';
  parent?: number | null;
  message?: string;
}): Promise<VersionMeta> {
  const old = await getVersion(input.projectId, input.number);
  const parent =
    input.parent !== undefined
      ? input.parent
      : (await db().project.findUniqueOrThrow({ where: { id: input.projectId }, select: { headNumber: true } })).headNumber;
  return storeVersion(
    {
      projectId: input.projectId,
      authorId: input.authorId,
      parent,
      message: input.message || `Restore version ${old.number}`,
      graph: old.graph,
      restoredFrom: old.number,
    },
    old.graph,
  );
}
