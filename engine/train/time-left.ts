import type { RunState } from './run-lifecycle';

/** One observed batch: how many batches of the whole run were done by then, and when (ms). */
export interface PacePoint {
  step: number;
  at: number;
}

/** Batches still to train, from the run's own counts (epochs done, batch of the current epoch). */
export function remainingBatches(state: RunState): number | null {
  if (state.status !== 'running' && state.status !== 'paused') return null;
  const total = state.totalEpochs * state.batchesPerEpoch;
  if (total <= 0) return null;
  return Math.max(0, total - (state.epochsDone * state.batchesPerEpoch + state.batch));
}

/**
 * Milliseconds left: the batches still to go divided by the rate measured over the recent batches
 * (the last `windowMs` of observations). The rate comes from what was watched, never from the
 * batches done before watching began, so a page that joins a run halfway does not think it is
 * nearly over. Null until two observations are far enough apart to give a rate.
 *
 * @example
 * timeLeftMs(68, [{ step: 10, at: 0 }, { step: 20, at: 1000 }]); // 6800
 */
export function timeLeftMs(remaining: number, points: readonly PacePoint[], windowMs = 30_000): number | null {
  if (remaining <= 0) return 0;
  const last = points[points.length - 1];
  if (!last) return null;
  let first = last;
  for (let i = points.length - 2; i >= 0; i--) {
    const p = points[i] as PacePoint;
    if (last.at - p.at > windowMs) break;
    first = p;
  }
  const steps = last.step - first.step;
  const ms = last.at - first.at;
  if (steps <= 0 || ms <= 0) return null;
  return (remaining * ms) / steps;
}

/** How long a finished run took, from its recorded times: the wall time, else start to end. */
export function runDurationMs(run: { wallTimeMs: number | null; startedAt: string | null; finishedAt: string | null }): number | null {
  if (run.wallTimeMs !== null) return run.wallTimeMs;
  if (!run.startedAt || !run.finishedAt) return null;
  return Math.max(0, Date.parse(run.finishedAt) - Date.parse(run.startedAt));
}
