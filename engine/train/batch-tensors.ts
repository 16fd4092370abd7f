import type * as tfjs from '@tensorflow/tfjs';
import type { Batch } from '../data/batch-source';
import type { Tf } from '../layers/spec';
import type { AnyTaskSpec, TargetContext } from '../tasks/spec';

/** How a run's labels become the targets its loss expects: the task, the loss and what they need to know. */
export interface TargetShape extends TargetContext {
  task: AnyTaskSpec;
}

/** The feature and target tensors of one batch; the task encodes the targets. The caller disposes them. */
export function batchTensors(tf: Tf, batch: Batch, featureShape: number[], target: TargetShape): { x: tfjs.Tensor; y: tfjs.Tensor } {
  const x = tf.tensor(batch.features, [batch.size, ...featureShape], 'float32');
  return { x, y: target.task.encodeLabels(tf, batch, target) };
}

/** Units of a single-output model's last dimension. */
export function outputUnits(model: tfjs.LayersModel): number {
  const shape = model.outputs[0]?.shape ?? [];
  return Number(shape[shape.length - 1] ?? 1);
}
