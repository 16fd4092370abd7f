import { z } from 'zod';
import { route } from '@/server/http/route';
import { cancelRun } from '@/server/training/cancel-run';
import { RunParamsSchema } from '@/server/training/schemas';

// POST /api/runs/:runId/cancel – stop a queued or running run
export const POST = route(
  { params: RunParamsSchema, output: z.object({ status: z.enum(['cancelled', 'cancelling']) }) },
  ({ caller, params }) => cancelRun(caller.userId, params.runId) as Promise<{ status: 'cancelled' | 'cancelling' }>,
);
