import { hostname } from 'node:os';
import type PgBoss from 'pg-boss';
import { startGuestSweeper } from '@/server/onboarding/sweep-guests';
import { TRAIN_QUEUE } from '@/server/training/queue';
import { startReaper } from '@/server/training/reap-lost-runs';
import { trainHandler } from '@/worker/handlers/train';

/** What a queue's jobs are handed to. A handler that throws fails the job (pg-boss retries it). */
export type JobHandler = (jobs: PgBoss.Job<unknown>[]) => Promise<void>;

let stopping = false;

/** This worker in run leases: unique per process, readable in the database. */
export const WORKER_ID = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

/**
 * Queue name → handler. The worker creates every queue listed here and consumes it. Server-side
 * training takes one job at a time per worker process (it keeps a core busy).
 */
export const handlers: Record<string, JobHandler> = {
  [TRAIN_QUEUE]: trainHandler({ workerId: WORKER_ID, stopping: () => stopping }),
};

/** pg-boss `work` options per queue (default: pg-boss's). */
export const workOptions: Record<string, PgBoss.WorkOptions> = {
  [TRAIN_QUEUE]: { batchSize: 1, pollingIntervalSeconds: Number(process.env.NETCANVAS_POLL_SECONDS ?? 1) },
};

/** Started once pg-boss is up; each returns its stop function. Guests older than a day go on start and hourly. */
export const services: ((boss: PgBoss) => () => void)[] = [(boss) => startReaper(boss), () => startGuestSweeper()];

/** Called first on SIGTERM/SIGINT: running training stops at its next batch and goes back to the queue. */
export function beginStopping(): void {
  stopping = true;
}
