import { binaryRoute } from '@/server/datasets/binary-route';
import { runAccess } from '@/server/training/run-access';
import { runEventStream } from '@/server/training/run-event-stream';
import { RunParamsSchema } from '@/server/training/schemas';

export const dynamic = 'force-dynamic';

// GET /api/runs/:runId/events – Server-Sent Events: the run's status and epochs so far, then live updates
export const GET = binaryRoute({ params: RunParamsSchema }, async ({ caller, params, request }) => {
  await runAccess(caller.userId, params.runId, 'viewer');
  const stream = await runEventStream(params.runId, request.signal);
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
  });
});
