import type * as tfjs from '@tensorflow/tfjs';
import type { TrainingConfig } from '../graph/training-config';
import type { Tf } from '../layers/spec';
import type { TaskRef } from '../tasks/registry';
import { compileForTraining } from './prepare-model';

/**
 * Two-phase fine-tuning inside one run (`training.fineTuning`): phase 1 trains the model with its
 * layers frozen as designed (usually only a new head); from epoch `headEpochs` on, phase 2 unfreezes
 * the top `unfreezeTop` frozen layers that have weights and goes on at the learning rate times
 * `rateFactor`. The weights carry over; only the trainable flags and the optimizer change.
 */

/** Models already switched to phase 2 (a resumed run may switch before its first epoch). */
const inPhaseTwo = new WeakSet<tfjs.LayersModel>();

/** The 0-based epoch phase 2 starts at, or null when the run has one phase. */
export function phaseTwoStart(config: Pick<TrainingConfig, 'fineTuning' | 'epochs'>): number | null {
  const plan = config.fineTuning;
  return plan && plan.headEpochs < config.epochs ? plan.headEpochs : null;
}

/** The phase of a 0-based epoch, or undefined when the run does not fine-tune in phases. */
export function phaseOf(config: Pick<TrainingConfig, 'fineTuning' | 'epochs'>, epoch: number): 1 | 2 | undefined {
  const start = phaseTwoStart(config);
  if (start === null) return undefined;
  return epoch < start ? 1 : 2;
}

/** The learning-rate multiplier of a 0-based epoch: `rateFactor` in phase 2, else 1. */
export function phaseRateFactor(config: Pick<TrainingConfig, 'fineTuning' | 'epochs'>, epoch: number): number {
  return phaseOf(config, epoch) === 2 ? (config.fineTuning?.rateFactor ?? 1) : 1;
}

/** The frozen layers with weights nearest the output, at most `count`, from the output backwards. */
export function topFrozenLayers(model: tfjs.LayersModel, count: number): tfjs.layers.Layer[] {
  const frozen = model.layers.filter((layer) => !layer.trainable && layer.weights.length > 0);
  return frozen.slice(Math.max(frozen.length - count, 0)).reverse();
}

export interface PhaseTwoSwitch {
  /** TF.js names of the layers unfrozen, from the output backwards. */
  unfrozen: string[];
  /** `keep` reordered to the model's new weight order (TF.js lists trainable weights first). */
  kept: tfjs.Tensor[] | null;
}

/**
 * Switches a model in training to phase 2: unfreezes the top layers and recompiles it with a fresh
 * optimizer (the old one is disposed) so that TF.js collects the newly trainable weights. `keep`
 * (keep-best weights, in the old `getWeights()` order) comes back in the new order. Does nothing
 * the second time for the same model.
 */
export function enterPhaseTwo(
  tf: Tf,
  model: tfjs.LayersModel,
  config: TrainingConfig,
  task: TaskRef | undefined,
  keep: tfjs.Tensor[] | null,
): PhaseTwoSwitch {
  if (inPhaseTwo.has(model) || !config.fineTuning) return { unfrozen: [], kept: keep };
  const before = model.weights;
  const layers = topFrozenLayers(model, config.fineTuning.unfreezeTop);
  for (const layer of layers) layer.trainable = true;
  const old = model.optimizer;
  compileForTraining(tf, model, config, task);
  old?.dispose();
  inPhaseTwo.add(model);
  const after = model.weights;
  const kept = keep ? after.map((w) => keep[before.indexOf(w)] as tfjs.Tensor) : null;
  return { unfrozen: layers.map((l) => l.name), kept };
}
