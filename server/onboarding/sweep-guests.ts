import { db } from '@/server/db/client';

/** How long a guest's work is kept when they do not sign up. */
export const GUEST_LIFETIME_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the guests older than a day and everything they made: the teams they alone are in (with
 * the projects, runs and datasets in them, by cascade) and then the accounts (sessions, memberships).
 * Returns how many guests went.
 */
export async function sweepGuests(now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - GUEST_LIFETIME_MS);
  const guests = await db().user.findMany({ where: { guest: true, createdAt: { lt: before } }, select: { id: true } });
  for (const { id } of guests) {
    await db().$transaction([
      // Only teams nobody else is in: a guest's own, never one they were let into.
      db().team.deleteMany({ where: { memberships: { some: { userId: id }, every: { userId: id } } } }),
      db().user.deleteMany({ where: { id, guest: true } }),
    ]);
  }
  return guests.length;
}

/** Sweeps half a minute after the worker starts, then every hour; returns a stop function. */
export function startGuestSweeper(everyMs = 60 * 60 * 1000, firstAfterMs = 30_000): () => void {
  const tick = () =>
    sweepGuests().then(
      (n) => {
        if (n > 0) console.log(`[worker] removed ${n} guest account${n === 1 ? '' : 's'} older than a day`);
      },
      (error: Error) => console.error('[worker] removing old guests failed:', error.message),
    );
  // The first sweep waits a little: loading the database client blocks the event loop for a moment,
  // and a worker that is stopped right after it starts should stop at once.
  const first = setTimeout(() => void tick(), firstAfterMs);
  const timer = setInterval(() => void tick(), everyMs);
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
