import { db } from '@/server/db/client';
import type { TourState } from '@/server/onboarding/routes';

/** Whether a user finished or closed the guided tour ('new' until they do). */
export async function tourState(userId: string): Promise<TourState> {
  const user = await db().user.findUnique({ where: { id: userId }, select: { tour: true } });
  return user?.tour === 'done' || user?.tour === 'dismissed' ? user.tour : 'new';
}

/** Records the end of the tour; once finished or closed it stays so (a later 'new' changes nothing). */
export async function setTourState(userId: string, state: TourState): Promise<void> {
  if (state === 'new') return;
  await db().user.updateMany({ where: { id: userId, tour: null }, data: { tour: state } });
}
