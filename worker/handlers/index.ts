import type PgBoss from 'pg-boss';

/** What a queue's jobs are handed to. A handler that throws fails the job (pg-boss retries it). */
export type JobHandler = (jobs: PgBoss.Job<unknown>[]) => Promise<void>;

/**
 * Queue name → handler. The worker creates every queue listed here and consumes it. Server-side
 * training registers its queue here.
 */
export const handlers: Record<string, JobHandler> = {};
