import type { Totals } from '@/engine/analysis/types';
import type { TrainingConfig } from '@/engine/graph/training-config';
import { formatBytes } from './format';

/**
 * What a browser tab can be expected to give a model: WebGL textures and the JS heap both stop
 * around a gigabyte on ordinary laptops and phones, well before the machine's RAM runs out.
 */
export const BROWSER_BUDGET_BYTES = 1024 ** 3;

/** float32 everywhere. */
const BYTES_PER_VALUE = 4;

/**
 * Training keeps every layer's output for the backward pass and then holds a gradient of the same
 * size, plus scratch space: about three times the forward activations.
 */
export const TRAINING_ACTIVATION_FACTOR = 3;

/** A backward pass costs about twice the forward one, so a training step is about 3× the forward FLOPs. */
export const TRAINING_FLOPS_FACTOR = 3;

/** Extra values each optimizer keeps per trainable weight (Adam: two moving averages). */
export const OPTIMIZER_STATE: Record<TrainingConfig['optimizer'], number> = {
  adam: 2,
  adamax: 2,
  adadelta: 2,
  rmsprop: 1,
  adagrad: 1,
  sgd: 0,
};

export interface Budget {
  batchSize: number;
  optimizer: TrainingConfig['optimizer'];
  /** The weights themselves (all parameters × 4 bytes). */
  weightsBytes: number;
  /** One gradient per trainable weight. */
  gradientBytes: number;
  /** The optimizer's own state (Adam: 2 values per trainable weight). */
  optimizerBytes: number;
  /** Layer outputs for one batch while training (forward and backward). */
  activationBytes: number;
  trainingBytes: number;
  /** Predicting one batch: weights plus one pass of activations. */
  inferenceBytes: number;
  /** Forward FLOPs for one sample. */
  flopsPerSample: number;
  /** FLOPs of one training step on a full batch. */
  trainingFlopsPerStep: number;
  limitBytes: number;
  fits: boolean;
  /** The largest batch whose training fits the budget; 0 when not even one sample does. */
  maxBatchSize: number;
  /** `false` when some layer's figures are unknown: every number is then a lower bound. */
  complete: boolean;
  /** The verdict in plain words. */
  message: string;
}

/**
 * The memory and compute a model needs in the browser for a batch size: weights, gradients,
 * optimizer state and activations, against `BROWSER_BUDGET_BYTES`, with a sentence saying whether it
 * fits and what to do when it does not.
 *
 * @example
 * trainingBudget(analysis.totals, 64, 'adam').message // 'Training with batches of 64 needs about 14.2 MB …'
 */
export function trainingBudget(
  totals: Totals,
  batchSize: number,
  optimizer: TrainingConfig['optimizer'] = 'adam',
  limitBytes = BROWSER_BUDGET_BYTES,
): Budget {
  const batch = Math.max(1, Math.floor(batchSize));
  const weightsBytes = totals.params * BYTES_PER_VALUE;
  const gradientBytes = totals.trainableParams * BYTES_PER_VALUE;
  const optimizerBytes = totals.trainableParams * BYTES_PER_VALUE * OPTIMIZER_STATE[optimizer];
  const fixed = weightsBytes + gradientBytes + optimizerBytes;
  const perSample = totals.activationBytes * TRAINING_ACTIVATION_FACTOR;
  const activationBytes = perSample * batch;
  const trainingBytes = fixed + activationBytes;
  const inferenceBytes = weightsBytes + totals.activationBytes * batch;
  const maxBatchSize = fixed >= limitBytes ? 0 : perSample === 0 ? Number.POSITIVE_INFINITY : Math.floor((limitBytes - fixed) / perSample);
  const fits = trainingBytes <= limitBytes;
  const budget = {
    batchSize: batch,
    optimizer,
    weightsBytes,
    gradientBytes,
    optimizerBytes,
    activationBytes,
    trainingBytes,
    inferenceBytes,
    flopsPerSample: totals.flops,
    trainingFlopsPerStep: totals.flops * batch * TRAINING_FLOPS_FACTOR,
    limitBytes,
    fits,
    maxBatchSize,
    complete: totals.complete,
  };
  return { ...budget, message: verdict(budget) };
}

function verdict(b: Omit<Budget, 'message'>): string {
  const need = `Training with batches of ${b.batchSize} needs about ${formatBytes(b.trainingBytes)}${b.complete ? '' : ' (at least: some layers are not sized yet)'}`;
  const limit = formatBytes(b.limitBytes);
  if (b.fits) return `${need}, within the ${limit} a browser tab can usually use.`;
  if (b.maxBatchSize === 0) {
    return `${need}. The weights, their gradients and the ${b.optimizer} optimizer's state alone take more than the ${limit} a browser tab can usually use: make the model smaller (fewer units or filters, or pool earlier), or train it on the server's workers.`;
  }
  return `${need}, more than the ${limit} a browser tab can usually use, so training in the browser would likely run out of memory. Use batches of ${b.maxBatchSize} or fewer, make the layers smaller, or train on the server's workers.`;
}
