import { seededRandom } from '../data/random';

/**
 * Runs `build` with `Math.random` drawn from `seed`, so the initial weights of a run with a seed are
 * the same wherever it trains: TF.js initialisers without a seed of their own seed their generator
 * from `Math.random`. `build` must be synchronous (nothing else runs while it does); without a seed
 * it runs as is, with fresh random weights.
 */
export function withSeededInitialisers<T>(seed: number | undefined, build: () => T): T {
  if (seed === undefined) return build();
  const original = Math.random;
  Math.random = seededRandom(seed * 7_919 + 1);
  try {
    return build();
  } finally {
    Math.random = original;
  }
}
