import { auth } from '@/server/auth/auth';
import { db } from '@/server/db/client';
import { ApiError } from '@/server/http/errors';
import { guestsAllowed } from '@/server/onboarding/create-guest';

/** Refuses anyone but a guest (the custom access of POST /api/guest/keep). */
export async function requireGuest(userId: string): Promise<void> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { guest: true } });
  if (!user?.guest) throw new ApiError('forbidden', 'This account is already yours: there is no guest work to keep.');
}

/**
 * Keeps a guest's work by making the guest account a real one: their name, email and password, no
 * longer a guest (so it is never swept), and the personal team named after them. Projects, runs and
 * datasets stay where they are, so nothing has to be copied and every link keeps working.
 */
export async function keepGuestWork(userId: string, input: { name: string; email: string; password: string }): Promise<void> {
  guestsAllowed();
  const email = input.email.toLowerCase();
  const taken = await db().user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== userId) {
    throw new ApiError('conflict', `There is already an account for ${email}. Use another email, or sign in to that account.`);
  }
  const context = await auth().$context;
  const hash = await context.password.hash(input.password);
  const first = input.name.trim().split(/\s+/)[0] ?? input.name;
  await db().$transaction(async (tx) => {
    const updated = await tx.user.updateMany({ where: { id: userId, guest: true }, data: { name: input.name, email, guest: false } });
    if (updated.count === 0) throw new ApiError('conflict', 'This guest account was kept already.');
    await tx.account.updateMany({ where: { userId, providerId: 'credential' }, data: { password: hash } });
    await tx.team.updateMany({
      where: { personal: true, memberships: { some: { userId, role: 'owner' } } },
      data: { name: `${first}'s team` },
    });
  });
}
