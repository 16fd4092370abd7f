import { z } from 'zod';
import { type TrainingConfig, type TrainingConfigInput, TrainingConfigSchema } from '../graph/training-config';
import type { Tf } from '../layers/spec';
import { type CompiledFunction, compiled } from './computation';
import { LOSS_IDS, lossSpec } from './losses';
import type { AnyLossSpec } from './losses/spec';
import { METRIC_IDS, metricSpec } from './metrics';
import type { AnyMetricSpec } from './metrics/spec';
import type { AnyTaskSpec } from './spec';

/** A loss by id: the task's own first (it may bring losses of its own), then every registered one. */
export function lossFor(task: AnyTaskSpec | null, id: string): AnyLossSpec | undefined {
  return task?.losses.find((l) => l.id === id) ?? lossSpec(id);
}

/** A metric by id: the task's own first, then every registered one. */
export function metricFor(task: AnyTaskSpec | null, id: string): AnyMetricSpec | undefined {
  return task?.metrics.find((m) => m.id === id) ?? metricSpec(id);
}

/**
 * The loss and metrics `model.compile` gets for a task's settings: TF.js's names for its built-ins,
 * our functions for the rest. Ids were checked when the settings were parsed; one that is still
 * unknown is a programming error.
 *
 * @example
 * model.compile({ optimizer, ...compileObjectives(tf, taskSpec('regression'), config) });
 */
export function compileObjectives(
  tf: Tf,
  task: AnyTaskSpec | null,
  config: { loss: string; metrics: readonly string[] },
): { loss: CompiledFunction; metrics: CompiledFunction[] } {
  const loss = lossFor(task, config.loss);
  if (!loss) throw new Error(`Unknown loss "${config.loss}".`);
  const metrics = config.metrics.map((id) => {
    const metric = metricFor(task, id);
    if (!metric) throw new Error(`Unknown metric "${id}".`);
    return compiled(tf, metric.id, metric);
  });
  return { loss: compiled(tf, loss.id, loss), metrics };
}

/**
 * The training settings schema for a task: the documents' own, which names every registered loss
 * and metric, widened by the losses and metrics of a task that brings unregistered ones (a task
 * handed to training as a spec rather than by id).
 */
export function trainingSchemaFor(task: AnyTaskSpec): z.ZodType<TrainingConfig, TrainingConfigInput> {
  const losses = task.losses.map((l) => l.id).filter((id) => !lossSpec(id));
  const metrics = task.metrics.map((m) => m.id).filter((id) => !metricSpec(id));
  if (losses.length === 0 && metrics.length === 0) return TrainingConfigSchema;
  const defaults = TrainingConfigSchema.parse({});
  return TrainingConfigSchema.extend({
    loss: z.enum([...LOSS_IDS, ...losses]).default(defaults.loss),
    metrics: z.array(z.enum([...METRIC_IDS, ...metrics])).default(defaults.metrics),
  }) as unknown as z.ZodType<TrainingConfig, TrainingConfigInput>;
}
