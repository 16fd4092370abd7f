import type { TrainingConfig } from '../graph/training-config';
import { LOSSES } from '../tasks/losses';
import { METRICS } from '../tasks/metrics';
import { type PythonFunction, pythonDefinitions } from '../tasks/python-function';

/** What the exported `compile_model` passes to `model.compile`, as Python source. */
export interface KerasObjectives {
  /** `loss=`: a name Keras knows (`"categorical_crossentropy"`), or one of {@link definitions} (`dice`). */
  loss: string;
  /** `metrics=`: Keras's names and our functions, e.g. `["accuracy"]` or `[mean_iou]`. */
  metrics: string;
  /** The functions of ours the loss and metrics need, in the order the file defines them. */
  definitions: readonly PythonFunction[];
}

/**
 * The loss and metrics of a design's training settings in Keras Python: Keras's built-in by name
 * where it has one computing the same thing, else the spec's own Python function, defined in the file
 * (only those the design uses) and passed to `compile` as the function. A metric with neither is left
 * out, since `compile` refuses names it does not know.
 *
 * @example
 * kerasObjectives({ ...training, loss: 'dice', metrics: ['meanIou'] });
 * // { loss: 'dice', metrics: '[mean_iou]', definitions: [dice, _mask_classes, mean_iou] }
 */
export function kerasObjectives(training: Pick<TrainingConfig, 'loss' | 'metrics'>): KerasObjectives {
  const loss = LOSSES[training.loss];
  const metrics = training.metrics.flatMap((id): (string | PythonFunction)[] => {
    const { keras, python } = METRICS[id];
    return python ? [python] : keras ? [keras] : [];
  });
  const functions = [loss.python, ...metrics].filter((m): m is PythonFunction => typeof m === 'object');
  const expression = (m: string | PythonFunction) => (typeof m === 'string' ? JSON.stringify(m) : m.name);
  return {
    loss: expression(loss.python ?? loss.keras),
    metrics: `[${metrics.map(expression).join(', ')}]`,
    definitions: pythonDefinitions(functions),
  };
}
