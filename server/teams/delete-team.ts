import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';

/** Deletes a shared team with its projects and their history. Personal teams stay. */
export async function deleteTeam(teamId: string): Promise<void> {
  const team = await db().team.findUniqueOrThrow({ where: { id: teamId }, select: { personal: true } });
  if (team.personal) throw new ApiError('forbidden', 'Your personal team cannot be deleted.');
  await db().team.delete({ where: { id: teamId } });
}
