import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import { contentsOfProjects, releaseContents } from '@/server/versions/graph-contents';

/**
 * Deletes a shared team with its projects and their history, and the graph contents no other
 * version shares. Personal teams stay.
 */
export async function deleteTeam(teamId: string): Promise<void> {
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { personal: true } });
  if (team.personal) throw new ApiError('forbidden', 'Your personal team cannot be deleted.');
  await db().$transaction(async (tx) => {
    const projectIds = (await tx.project.findMany({ where: { teamId }, select: { id: true } })).map((p) => p.id);
    const contents = await contentsOfProjects(tx, projectIds);
    await tx.team.delete({ where: { id: teamId } });
    await releaseContents(tx, contents);
  });
}
