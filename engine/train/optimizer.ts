import type * as tfjs from '@tensorflow/tfjs';
import type { TrainingConfig } from '../graph/training-config';
import type { Tf } from '../layers/spec';

/** A TF.js optimizer for the graph's settings. */
export function makeOptimizer(tf: Tf, config: Pick<TrainingConfig, 'optimizer' | 'learningRate'>): tfjs.Optimizer {
  const lr = config.learningRate;
  switch (config.optimizer) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'rmsprop':
      return tf.train.rmsprop(lr);
    case 'adagrad':
      return tf.train.adagrad(lr);
    case 'adadelta':
      return tf.train.adadelta(lr);
    case 'adamax':
      return tf.train.adamax(lr);
    default:
      return tf.train.adam(lr);
  }
}

/**
 * Changes an optimizer's learning rate in place, keeping its state (moments). TF.js optimizers read
 * `learningRate` on every step, except SGD, which caches it and offers `setLearningRate`.
 */
export function setLearningRate(optimizer: tfjs.Optimizer, rate: number): void {
  const target = optimizer as unknown as { setLearningRate?: (lr: number) => void; learningRate: number };
  if (typeof target.setLearningRate === 'function') target.setLearningRate(rate);
  else target.learningRate = rate;
}

/** The learning rate of epoch `epoch` (0-based) under the configured schedule. */
export function scheduledRate(config: Pick<TrainingConfig, 'learningRate' | 'schedule' | 'epochs'>, epoch: number): number {
  const base = config.learningRate;
  const s = config.schedule;
  switch (s.kind) {
    case 'step':
      return base * s.factor ** Math.floor(epoch / s.every);
    case 'exponential':
      return base * s.decay ** epoch;
    case 'cosine': {
      const progress = config.epochs > 1 ? epoch / (config.epochs - 1) : 1;
      return s.minRate + (base - s.minRate) * 0.5 * (1 + Math.cos(Math.PI * progress));
    }
    default:
      return base;
  }
}
