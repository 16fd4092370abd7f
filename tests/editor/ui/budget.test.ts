import { describe, expect, it } from 'vitest';
import { BROWSER_BUDGET_BYTES, trainingBudget } from '../../../components/editor/budget';
import type { Totals } from '../../../engine/analysis/types';

const totals = (t: Partial<Totals>): Totals => ({
  params: 0,
  trainableParams: 0,
  nonTrainableParams: 0,
  flops: 0,
  activationBytes: 0,
  complete: true,
  ...t,
});

describe('trainingBudget', () => {
  it('adds weights, gradients, Adam state and activations for the batch', () => {
    const b = trainingBudget(
      totals({ params: 1000, trainableParams: 800, nonTrainableParams: 200, activationBytes: 4000, flops: 10_000 }),
      32,
    );
    expect(b.weightsBytes).toBe(4000);
    expect(b.gradientBytes).toBe(3200);
    expect(b.optimizerBytes).toBe(6400); // Adam: two values per trainable weight
    expect(b.activationBytes).toBe(4000 * 3 * 32);
    expect(b.trainingBytes).toBe(4000 + 3200 + 6400 + 384_000);
    expect(b.inferenceBytes).toBe(4000 + 4000 * 32);
    expect(b.trainingFlopsPerStep).toBe(10_000 * 32 * 3);
    expect(b.fits).toBe(true);
    expect(b.message).toMatch(/^Training with batches of 32 needs about 388 KB, within the 1 GB/);
  });

  it('keeps less state for plain SGD', () => {
    const t = totals({ params: 1000, trainableParams: 1000 });
    expect(trainingBudget(t, 1, 'sgd').optimizerBytes).toBe(0);
    expect(trainingBudget(t, 1, 'rmsprop').optimizerBytes).toBe(4000);
  });

  it('warns past the browser budget and says which batch would fit', () => {
    // 10 MB of activations per sample: batches of 64 need ~1.9 GB.
    const b = trainingBudget(totals({ params: 1_000_000, trainableParams: 1_000_000, activationBytes: 10 * 1024 ** 2 }), 64);
    expect(b.fits).toBe(false);
    expect(b.maxBatchSize).toBe(Math.floor((BROWSER_BUDGET_BYTES - 16_000_000) / (30 * 1024 ** 2)));
    expect(b.message).toContain('more than the 1 GB a browser tab can usually use');
    expect(b.message).toContain(`Use batches of ${b.maxBatchSize} or fewer`);
  });

  it('says when even the weights alone do not fit', () => {
    const b = trainingBudget(totals({ params: 100_000_000, trainableParams: 100_000_000 }), 1);
    expect(b.maxBatchSize).toBe(0);
    expect(b.message).toContain('alone take more than the 1 GB');
  });

  it('marks figures from incomplete analyses as lower bounds, and clamps the batch to at least 1', () => {
    const b = trainingBudget(totals({ complete: false }), 0);
    expect(b.batchSize).toBe(1);
    expect(b.message).toContain('at least');
  });
});
