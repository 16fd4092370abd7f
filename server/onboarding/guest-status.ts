import { db } from '@/server/db/client';

/** Whether a user is a guest ("Try it now"), whose work is removed after a day unless kept. */
export async function isGuest(userId: string): Promise<boolean> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { guest: true } });
  return user?.guest ?? false;
}
