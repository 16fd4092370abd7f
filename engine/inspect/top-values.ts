/**
 * The `k` largest values with their index, largest first.
 *
 * @example
 * topValues(Float32Array.of(0.1, 0.7, 0.2), 2) // [{ index: 1, value: 0.7 }, { index: 2, value: 0.2 }]
 */
export function topValues(values: ArrayLike<number>, k: number): { index: number; value: number }[] {
  return Array.from(values, (value, index) => ({ index, value }))
    .sort((a, b) => b.value - a.value)
    .slice(0, k);
}

/** Whether a vector reads as probabilities (a softmax's output): each in 0–1, together 1. */
export function isProbabilities(values: ArrayLike<number>): boolean {
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!(v >= 0 && v <= 1)) return false;
    sum += v;
  }
  return values.length > 1 && Math.abs(sum - 1) < 1e-3;
}
