import type { z } from 'zod';
import { db } from '@/server/db/client';
import { forbidden, notFound } from '@/server/http/errors';
import type { MyInvitationSchema } from '@/server/teams/schemas';

type MyInvitation = z.infer<typeof MyInvitationSchema>;

/** Open invitations addressed to the user's email. */
export async function listMyInvitations(email: string): Promise<MyInvitation[]> {
  const rows = await db().invitation.findMany({
    where: { email: email.toLowerCase() },
    select: { id: true, role: true, createdAt: true, team: { select: { id: true, name: true } }, invitedBy: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => ({ ...r, invitedBy: r.invitedBy?.name ?? null }));
}

/**
 * Accepts an invitation addressed to the user's email: they join the team with its role. Only once
 * the address is verified — whoever signed up with someone else's address must not get their seat.
 */
export async function acceptInvitation(user: { userId: string; email: string }, invitationId: string): Promise<{ teamId: string }> {
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({ where: { id: invitationId } });
    if (!invitation || invitation.email !== user.email.toLowerCase()) throw notFound('The invitation');
    const account = await tx.user.findUniqueOrThrow({ where: { id: user.userId }, select: { emailVerified: true } });
    if (!account.emailVerified) {
      throw forbidden(`Confirm your email address first: ask for a link to ${user.email} and open it, then accept.`);
    }
    await tx.membership.upsert({
      where: { teamId_userId: { teamId: invitation.teamId, userId: user.userId } },
      create: { teamId: invitation.teamId, userId: user.userId, role: invitation.role },
      update: {},
    });
    await tx.invitation.delete({ where: { id: invitationId } });
    return { teamId: invitation.teamId };
  });
}

/** Declines an invitation addressed to the user's email. */
export async function declineInvitation(email: string, invitationId: string): Promise<void> {
  const { count } = await db().invitation.deleteMany({ where: { id: invitationId, email: email.toLowerCase() } });
  if (count === 0) throw notFound('The invitation');
}
