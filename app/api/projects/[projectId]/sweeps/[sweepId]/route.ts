import { route } from '@/server/http/route';
import { getSweep } from '@/server/training/get-sweep';
import { SweepParamsSchema, SweepSchema } from '@/server/training/schemas';

// GET /api/projects/:projectId/sweeps/:sweepId – one sweep and its runs, for the results table and chart
export const GET = route({ params: SweepParamsSchema, output: SweepSchema }, ({ caller, params }) =>
  getSweep(caller.userId, params.projectId, params.sweepId),
);
