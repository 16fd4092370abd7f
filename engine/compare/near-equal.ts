import { deepEqual } from '../graph/diff';

/**
 * Whether two parameter values are the same up to float32 rounding: a file stores `0.001` as
 * `0.0010000000474974513`, which is the same setting. Numbers compare with a relative tolerance,
 * arrays and objects element by element, everything else exactly.
 */
export function nearEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    return Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => nearEqual(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => nearEqual(a[k], b[k]));
  }
  return deepEqual(a, b);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
