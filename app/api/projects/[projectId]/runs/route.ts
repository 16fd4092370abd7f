import { route } from '@/server/http/route';
import { createRun } from '@/server/training/create-run';
import { listRuns } from '@/server/training/list-runs';
import { CreateRunBodySchema, ListRunsQuerySchema, ProjectParamsSchema, RunListSchema, RunSummarySchema } from '@/server/training/schemas';

// GET /api/projects/:projectId/runs – the project's runs, newest first (?status=&place=&dataset=&sweepId=&limit=)
export const GET = route(
  { params: ProjectParamsSchema, query: ListRunsQuerySchema, output: RunListSchema },
  async ({ caller, params, query }) => ({
    runs: await listRuns(caller.userId, params.projectId, query),
  }),
);

// POST /api/projects/:projectId/runs – start a run: queue it for the server workers, or record a browser run
export const POST = route(
  { params: ProjectParamsSchema, body: CreateRunBodySchema, output: RunSummarySchema, status: 201 },
  ({ caller, params, body }) => createRun(caller.userId, params.projectId, body),
);
