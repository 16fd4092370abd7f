import { z } from 'zod';
import { defineRoute, RAW } from '@/server/http/contract';

/** Who a session or an API token belongs to. */
export const MeSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), via: z.enum(['session', 'token']) });

/** GET /api/me – who the session or API token belongs to. */
export const getMe = defineRoute({ method: 'GET', path: '/api/me', output: MeSchema, access: 'user' });

/** GET /api/auth/* – Better Auth: the session. */
export const authGet = defineRoute({ method: 'GET', path: '/api/auth/*all', output: RAW, access: 'public' });

/**
 * POST /api/auth/* – Better Auth: sign-up, sign-in, sign-out, password reset. It reads its own body
 * and runs its own CSRF checks and rate limits (plus a per-account sign-in limit).
 */
export const authPost = defineRoute({ method: 'POST', path: '/api/auth/*all', body: RAW, output: RAW, access: 'public' });
