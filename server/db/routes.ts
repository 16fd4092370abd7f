import { z } from 'zod';
import { defineRoute } from '@/server/http/contract';

/** Liveness and database reachability. */
export const HealthSchema = z.object({ ok: z.literal(true), database: z.literal('ok') });

/** GET /api/health – liveness and database reachability (public: it reveals nothing). */
export const getHealth = defineRoute({ method: 'GET', path: '/api/health', output: HealthSchema, access: 'public' });
