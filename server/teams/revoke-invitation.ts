import { db } from '@/server/db/client';
import { notFound } from '@/server/http/errors';

export async function revokeInvitation(teamId: string, invitationId: string): Promise<void> {
  const { count } = await db().invitation.deleteMany({ where: { id: invitationId, teamId } });
  if (count === 0) throw notFound('The invitation');
}
