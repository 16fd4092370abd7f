import { z } from 'zod';
import { db } from '@/server/db/client';
import { route } from '@/server/http/route';

// GET /api/health – liveness and database reachability (public: it reveals nothing)
export const GET = route({ auth: 'public', output: z.object({ ok: z.literal(true), database: z.literal('ok') }) }, async () => {
  await db().$queryRaw`SELECT 1`;
  return { ok: true as const, database: 'ok' as const };
});
