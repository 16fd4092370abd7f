import { db } from '@/server/db/client';
import * as routes from '@/server/db/routes';
import { handle } from '@/server/http/handle';

export const GET = handle(routes.getHealth, async () => {
  await db().$queryRaw`SELECT 1`;
  return { ok: true as const, database: 'ok' as const };
});
