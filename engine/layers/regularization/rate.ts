import { z } from 'zod';

/** Fraction of values a dropout-style layer affects, in [0, 1). */
export const dropRate = (fallback: number, description: string) => z.number().min(0).lt(1).default(fallback).describe(description);

/** Optional random seed, for repeatable training runs. */
export const seed = () =>
  z
    .number()
    .int()
    .nullable()
    .default(null)
    .describe('Random seed, to make the random pattern repeatable between runs; empty for a fresh one each time.');

/**
 * Noise and dropout layers change nothing when the model predicts, so they add no work to inference;
 * in training they cost roughly one operation per value.
 */
export const noInferenceFlops = () => 0;
