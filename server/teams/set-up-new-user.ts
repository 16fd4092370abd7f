import type { Db } from '@/server/db/client';

/**
 * Gives a new user a personal team (as its owner) and turns the open invitations to their email
 * into memberships. Runs right after sign-up.
 */
export async function setUpNewUser(db: Db, user: { id: string; name: string; email: string }): Promise<void> {
  const first = user.name.trim().split(/\s+/)[0] || user.email.split('@')[0];
  await db.$transaction(async (tx) => {
    await tx.team.create({
      data: { name: `${first}'s team`, personal: true, memberships: { create: { userId: user.id, role: 'owner' } } },
    });
    const invitations = await tx.invitation.findMany({ where: { email: user.email.toLowerCase() } });
    for (const invitation of invitations) {
      await tx.membership.upsert({
        where: { teamId_userId: { teamId: invitation.teamId, userId: user.id } },
        create: { teamId: invitation.teamId, userId: user.id, role: invitation.role },
        update: {},
      });
    }
    await tx.invitation.deleteMany({ where: { email: user.email.toLowerCase() } });
  });
}
