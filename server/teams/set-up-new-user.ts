import type { Db } from '@/server/db/client';

/**
 * Gives a new user a personal team (as its owner). Runs right after sign-up. Invitations to their
 * email are not turned into memberships here: anyone can sign up with any address, so they wait
 * until the address is verified and the user accepts them (my-invitations.ts).
 */
export async function setUpNewUser(db: Db, user: { id: string; name: string; email: string }): Promise<void> {
  const first = user.name.trim().split(/\s+/)[0] || user.email.split('@')[0];
  await db.team.create({
    data: { name: `${first}'s team`, personal: true, memberships: { create: { userId: user.id, role: 'owner' } } },
  });
}
