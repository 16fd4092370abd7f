import { route } from '@/server/http/route';
import { createSweep } from '@/server/training/create-sweep';
import { listSweeps } from '@/server/training/get-sweep';
import { CreateSweepBodySchema, ProjectParamsSchema, SweepListSchema, SweepSchema } from '@/server/training/schemas';

// GET /api/projects/:projectId/sweeps – the project's sweeps with their runs
export const GET = route({ params: ProjectParamsSchema, output: SweepListSchema }, async ({ caller, params }) => ({
  sweeps: await listSweeps(caller.userId, params.projectId),
}));

// POST /api/projects/:projectId/sweeps – queue a grid of up to three settings as server runs
export const POST = route(
  { params: ProjectParamsSchema, body: CreateSweepBodySchema, output: SweepSchema, status: 201 },
  ({ caller, params, body }) => createSweep(caller.userId, params.projectId, body),
);
