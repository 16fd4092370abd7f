import type { z } from 'zod';
import type { Role } from '@/prisma/generated/enums';
import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import type { InvitationSchema } from '@/server/teams/schemas';

/**
 * Invites an email address to a team with a role. Someone who has no account yet joins when they
 * sign up with that email; someone who has one accepts it in the app.
 */
export async function inviteMember(
  userId: string,
  teamId: string,
  input: { email: string; role: Role },
): Promise<z.infer<typeof InvitationSchema>> {
  const member = await db().membership.findFirst({ where: { teamId, user: { email: input.email } }, select: { id: true } });
  if (member) throw new ApiError('conflict', `${input.email} is already a member of this team.`);
  const invitation = await db().invitation.upsert({
    where: { teamId_email: { teamId, email: input.email } },
    create: { teamId, email: input.email, role: input.role, invitedById: userId },
    update: { role: input.role, invitedById: userId },
    select: { id: true, email: true, role: true, createdAt: true, invitedBy: { select: { name: true } } },
  });
  return { ...invitation, invitedBy: invitation.invitedBy?.name ?? null };
}
