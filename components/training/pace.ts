import type { BatchPoint } from './protocol';

/**
 * Sustained training speed: samples per second over the recent batches, leaving out the first two
 * (shader compilation, first data fetch), from the worker's own clock.
 */
export function paceOf(batches: BatchPoint[], batchSize: number, window = 200): number | null {
  const recent = batches.slice(Math.max(2, batches.length - window));
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (!first || !last || last.at <= first.at) return null;
  return ((last.step - first.step) * batchSize * 1000) / (last.at - first.at);
}
