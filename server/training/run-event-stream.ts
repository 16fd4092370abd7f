import { db } from '@/server/db/client';
import { runEpochs } from '@/server/training/get-run';
import { subscribeRun } from '@/server/training/run-events';
import type { RunEvent } from '@/server/training/schemas';

const encoder = new TextEncoder();
const frame = (event: RunEvent) => encoder.encode(`data: ${JSON.stringify(event)}\n\n`);
const FINAL = new Set(['completed', 'failed', 'cancelled']);

/**
 * A run's live updates as Server-Sent Events. It LISTENs first, then sends what is recorded so far
 * (status and every epoch, so a late viewer catches up), then whatever arrived meanwhile and
 * everything after, each epoch once; it closes after the run's final event. A comment line every
 * 15 s keeps proxies from closing an idle stream.
 */
export async function runEventStream(runId: string, signal?: AbortSignal): Promise<ReadableStream<Uint8Array>> {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let closed = false;
  let caughtUp = false;
  const early: RunEvent[] = [];
  const sentEpochs = new Set<number>();
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let unsubscribe: (() => Promise<void>) | undefined;

  const close = () => {
    if (closed) return;
    closed = true;
    if (heartbeat) clearInterval(heartbeat);
    void unsubscribe?.();
    try {
      controller.close();
    } catch {
      // already closed by the client
    }
  };
  const send = (event: RunEvent) => {
    if (closed) return;
    if (event.type === 'epoch') {
      if (sentEpochs.has(event.epoch.epoch)) return;
      sentEpochs.add(event.epoch.epoch);
    }
    controller.enqueue(frame(event));
    if (event.type === 'finished') close();
  };

  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
    },
    cancel() {
      close();
    },
  });
  signal?.addEventListener('abort', close);

  unsubscribe = await subscribeRun(runId, (event) => (caughtUp ? send(event) : early.push(event)), close);
  const run = await db().trainingRun.findUnique({
    where: { id: runId },
    select: { status: true, backend: true, error: true, finalMetrics: true },
  });
  if (!run) {
    close();
    return stream;
  }
  send({ type: 'status', status: run.status, backend: run.backend, error: run.error });
  for (const epoch of await runEpochs(runId)) send({ type: 'epoch', epoch });
  caughtUp = true;
  for (const event of early) send(event);
  if (FINAL.has(run.status)) {
    send({ type: 'finished', status: run.status, finalMetrics: (run.finalMetrics ?? null) as Record<string, number> | null });
  } else if (!closed) {
    heartbeat = setInterval(() => {
      if (!closed) controller.enqueue(encoder.encode(': keep-alive\n\n'));
    }, 15_000);
  }
  return stream;
}
