import type * as tfjs from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { nodeTf } from '../../../engine/backends/node-tf';
import { shapesDetection } from '../../../engine/data/shapes-boxes';
import { compileObjectives } from '../../../engine/tasks/objectives';
import { TASKS } from '../../../engine/tasks/registry';
import type { AnyTaskSpec, LabelFacts } from '../../../engine/tasks/spec';

let tf: typeof tfjs;
beforeAll(async () => {
  // The backend the command line and the training worker train on, with its composed gradients.
  tf = await nodeTf();
});

/** Small image sets for the image tasks: the shapes boxes, and their pictures as targets to rebuild. */
function imageBatch(task: AnyTaskSpec) {
  const set = shapesDetection({ samples: 16, size: 16, seed: 2 });
  const size = set.features.length / 256;
  const labels = task.id === 'reconstruction' ? set.features : set.labels;
  const facts: LabelFacts = {
    featureShape: [16, 16, 1],
    labelSize: labels.length / size,
    ...(task.id === 'detection' ? { classes: set.classes } : {}),
  };
  return { features: set.features, labels, size, facts };
}

/** A tiny convolutional model whose output has the shape the task's labels have. */
function modelFor(outputShape: number[]) {
  const [rows = 1, , channels = 1] = outputShape;
  const stride = 16 / rows;
  return tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [16, 16, 1], filters: 8, kernelSize: 3, padding: 'same', activation: 'relu' }),
      tf.layers.conv2d({ filters: channels, kernelSize: stride, strides: stride, padding: 'same', activation: 'sigmoid' }),
    ],
  });
}

describe('every loss of the image tasks trains', () => {
  const cases = (['reconstruction', 'detection'] as const).flatMap((id) =>
    TASKS[id].losses.map((loss) => ({ task: TASKS[id] as AnyTaskSpec, loss: loss.id })),
  );
  it.each(cases)('$task.id with $loss: finite, and lower after a few epochs', async ({ task, loss }) => {
    const { features, labels, size, facts } = imageBatch(task);
    const spec = task.losses.find((l) => l.id === loss);
    if (!spec) throw new Error(loss);
    const context = { ...facts, loss: spec, outputUnits: 1 };
    context.outputUnits = task.labelShape(context).at(-1) ?? 1;
    const shape = task.labelShape(context);
    const x = tf.tensor4d(features, [size, 16, 16, 1]);
    const y = task.encodeLabels(tf, { features, labels, size }, context);
    const model = modelFor(shape);
    model.compile({ optimizer: tf.train.adam(0.01), ...compileObjectives(tf, task, { loss, metrics: task.metrics.map((m) => m.id) }) });
    const history = await model.fit(x, y, { epochs: 8, batchSize: 8, shuffle: false, verbose: 0 });
    const losses = history.history.loss as number[];
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(losses.at(-1)).toBeLessThan(losses[0] as number);
    for (const metric of task.metrics) expect((history.history[metric.id] as number[]).every(Number.isFinite), metric.id).toBe(true);
    tf.dispose([x, y]);
    model.dispose();
  });
});
