import { handle } from '@/server/http/handle';
import * as routes from '@/server/training/routes';
import { runEventStream } from '@/server/training/run-event-stream';

export const dynamic = 'force-dynamic';

export const GET = handle(routes.runEvents, async ({ params, request }) => {
  const stream = await runEventStream(params.runId, request.signal);
  return new Response(stream, {
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store, no-transform', 'x-accel-buffering': 'no' },
  });
});
