import { z } from 'zod';
import { route } from '@/server/http/route';

// GET /api/me – who the session or API token belongs to
export const GET = route(
  { output: z.object({ id: z.string(), name: z.string(), email: z.string(), via: z.enum(['session', 'token']) }) },
  async ({ caller }) => ({ id: caller.userId, name: caller.name, email: caller.email, via: caller.via }),
);
