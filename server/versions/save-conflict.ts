import type { Tx } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import { toMeta, VERSION_META_SELECT } from '@/server/versions/version-meta';

/**
 * The 409 of a save whose parent is not the project's head (any more): its details carry the
 * current head, so the client keeps its document as a draft and saves again on top of it.
 */
export async function conflict(tx: Tx, projectId: string, parent: number | null): Promise<ApiError> {
  const project = await tx.project.findUnique({ where: { id: projectId }, select: { headNumber: true } });
  if (!project) return new ApiError('not_found', 'The project was not found, or you do not have access to it.');
  const head =
    project.headNumber === null
      ? null
      : await tx.version.findUnique({
          where: { projectId_number: { projectId, number: project.headNumber } },
          select: VERSION_META_SELECT,
        });
  const who = head?.author?.name ?? 'someone';
  return new ApiError(
    'conflict',
    `This project changed while you were editing: version ${head?.number ?? 0} by ${who} is the newest now. Your work is kept as a draft; save it again on top of the newest version.`,
    { head: head ? toMeta(head) : null, yourParent: parent },
  );
}
