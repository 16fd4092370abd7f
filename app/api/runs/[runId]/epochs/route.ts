import { z } from 'zod';
import { route } from '@/server/http/route';
import { reportBrowserEpoch } from '@/server/training/browser-run';
import { RecordEpochBodySchema, RunParamsSchema } from '@/server/training/schemas';

// POST /api/runs/:runId/epochs – a browser run reports a finished epoch (idempotent per epoch)
export const POST = route(
  { params: RunParamsSchema, body: RecordEpochBodySchema, output: z.object({ recorded: z.boolean() }) },
  ({ caller, params, body }) => reportBrowserEpoch(caller.userId, params.runId, body),
);
