import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Batch } from '../../../engine/data/batch-source';
import { TrainingConfigSchema } from '../../../engine/graph/training-config';
import { trainingFromKeras } from '../../../engine/import/training-config';
import { classification } from '../../../engine/tasks/classification';
import { predictedClass } from '../../../engine/tasks/confusion';
import { detection } from '../../../engine/tasks/detection';
import { boxesToLabel, DETECTION_LABEL_SIZE } from '../../../engine/tasks/detection-boxes';
import { LOSSES, lossSpec } from '../../../engine/tasks/losses';
import { METRICS, metricSpec } from '../../../engine/tasks/metrics';
import { compileObjectives } from '../../../engine/tasks/objectives';
import { reconstruction } from '../../../engine/tasks/reconstruction';
import { TASK_IDS, TASKS, taskForTableLabel, taskSpec } from '../../../engine/tasks/registry';
import { regression } from '../../../engine/tasks/regression';
import type { AnyTaskSpec, LabelFacts, TargetContext } from '../../../engine/tasks/spec';
import { metricName } from '../../../engine/train/epoch-record';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const batch = (labels: number[], featureWidth = 2): Batch => ({
  features: new Float32Array(labels.length * featureWidth).fill(0.5),
  labels: Float32Array.from(labels),
  size: labels.length,
});
const three: LabelFacts = { featureShape: [2], labelSize: 1, classes: ['a', 'b', 'c'] };
const two: LabelFacts = { featureShape: [2], labelSize: 1, classes: ['no', 'yes'] };
const numbers: LabelFacts = { featureShape: [2], labelSize: 1 };
const pairs: LabelFacts = { featureShape: [2], labelSize: 2 };
const boxes: LabelFacts = { featureShape: [8, 8, 1], labelSize: DETECTION_LABEL_SIZE, classes: ['raccoon'] };
const pictures: LabelFacts = { featureShape: [8, 8, 1], labelSize: 64 };
const target = (facts: LabelFacts, loss: keyof typeof LOSSES, outputUnits: number): TargetContext => ({
  ...facts,
  loss: LOSSES[loss],
  outputUnits,
});

describe('the task registry', () => {
  it('keys every spec by its own id, with the losses and metrics it offers registered', () => {
    expect(TASK_IDS).toEqual(['classification', 'regression', 'segmentation', 'reconstruction', 'detection', 'text-classification']);
    for (const id of TASK_IDS) {
      const spec: AnyTaskSpec = TASKS[id];
      expect(spec.id).toBe(id);
      expect(taskSpec(id)).toBe(spec);
      for (const loss of spec.losses) expect(lossSpec(loss.id), `${id}: ${loss.id}`).toBe(loss);
      for (const metric of spec.metrics) expect(metricSpec(metric.id), `${id}: ${metric.id}`).toBe(metric);
    }
    expect(() => taskSpec('keypoints' as never)).toThrow(
      'Unknown task "keypoints"; this build knows classification, regression, segmentation, reconstruction, detection, text-classification.',
    );
  });

  it('leaves the strings graph documents store as they were', () => {
    expect(TrainingConfigSchema.shape.loss.unwrap().options).toEqual([
      'categoricalCrossentropy',
      'sparseCategoricalCrossentropy',
      'binaryCrossentropy',
      'meanSquaredError',
      'meanAbsoluteError',
      'huberLoss',
      'dice',
      'ssim',
      'centroidFocal',
      'centroidFocalGiou',
    ]);
    expect(TrainingConfigSchema.shape.metrics.unwrap().element.options).toEqual([
      'accuracy',
      'mae',
      'mse',
      'meanIou',
      'psnr',
      'ssim',
      'centreRecall',
    ]);
  });

  it('finds the task a table label column holds', () => {
    expect(taskForTableLabel('categorical')).toBe('classification');
    expect(taskForTableLabel('numeric')).toBe('regression');
    expect(TASKS.classification.stratify).toBe(true);
    expect(TASKS.regression.stratify).toBe(false);
  });
});

describe('label encoding', () => {
  const cases: { name: string; task: AnyTaskSpec; context: TargetContext; labels: number[]; values: number[]; shape: number[] }[] = [
    {
      name: 'classes one-hot for categorical cross-entropy',
      task: classification,
      context: target(three, 'categoricalCrossentropy', 3),
      labels: [2, 0],
      values: [0, 0, 1, 1, 0, 0],
      shape: [2, 3],
    },
    {
      name: 'class indexes for the sparse loss',
      task: classification,
      context: target(three, 'sparseCategoricalCrossentropy', 3),
      labels: [2, 0],
      values: [2, 0],
      shape: [2, 1],
    },
    {
      name: 'a 0/1 column for binary cross-entropy on one unit',
      task: classification,
      context: target(two, 'binaryCrossentropy', 1),
      labels: [1, 0, 1],
      values: [1, 0, 1],
      shape: [3, 1],
    },
    {
      name: 'one-hot for binary cross-entropy on one unit per class',
      task: classification,
      context: target(two, 'binaryCrossentropy', 2),
      labels: [1, 0],
      values: [0, 1, 1, 0],
      shape: [2, 2],
    },
    {
      name: 'raw values for a loss made for numbers',
      task: classification,
      context: target(three, 'meanSquaredError', 1),
      labels: [2, 1],
      values: [2, 1],
      shape: [2, 1],
    },
    {
      name: 'one target per sample',
      task: regression,
      context: target(numbers, 'meanSquaredError', 1),
      labels: [0.5, -3],
      values: [0.5, -3],
      shape: [2, 1],
    },
    {
      name: 'several targets per sample',
      task: regression,
      context: target(pairs, 'huberLoss', 2),
      labels: [1, 2, 3, 4],
      values: [1, 2, 3, 4],
      shape: [2, 2],
    },
    {
      // One box on the top-left quarter of an 8×8 image: its centre in cell (0, 0) of the 2×2 grid,
      // at the middle of the cell; the peak spreads with σ = ½ cell (e^−2 beside it, e^−4 across).
      name: 'boxes as a centroid grid: scores per class, then offset and size',
      task: detection,
      context: target({ featureShape: [8, 8, 1], labelSize: DETECTION_LABEL_SIZE, classes: ['raccoon'] }, 'centroidFocal', 5),
      labels: Array.from(boxesToLabel([{ classIndex: 0, x: 0, y: 0, width: 0.5, height: 0.5 }])),
      values: Array.from(
        Float32Array.from([1, 0.5, 0.5, 0.5, 0.5, Math.exp(-2), 0, 0, 0, 0, Math.exp(-2), 0, 0, 0, 0, Math.exp(-4), 0, 0, 0, 0]),
      ),
      shape: [1, 2, 2, 5],
    },
  ];
  it.each(cases)('$task.id: $name', ({ task, context, labels, values, shape }) => {
    const b = batch(labels);
    b.size = shape[0] as number;
    const y = task.encodeLabels(tf, b, context);
    expect(y.shape).toEqual(shape);
    expect(task.labelShape(context)).toEqual(shape.slice(1));
    expect(Array.from(y.dataSync())).toEqual(values);
    y.dispose();
  });
});

describe('the loss a task chooses, and why', () => {
  const cases: { task: AnyTaskSpec; chosen?: string; facts: LabelFacts; units: number | null; choice: unknown; reason: string }[] = [
    {
      task: classification,
      facts: three,
      units: 8,
      choice: { loss: 'categoricalCrossentropy' },
      reason: 'because the labels are 3 classes',
    },
    {
      task: classification,
      facts: two,
      units: 1,
      choice: { loss: 'binaryCrossentropy' },
      reason: 'because the labels are two classes and the output is one unit',
    },
    { task: classification, facts: two, units: 2, choice: { loss: 'categoricalCrossentropy' }, reason: 'because the labels are 2 classes' },
    { task: classification, facts: three, units: null, choice: null, reason: 'because the labels are 3 classes' },
    { task: classification, chosen: 'sparseCategoricalCrossentropy', facts: three, units: 3, choice: null, reason: '' },
    {
      task: regression,
      facts: numbers,
      units: 1,
      choice: { loss: 'meanSquaredError', metrics: ['mae'] },
      reason: 'because the labels are numbers (regression)',
    },
    {
      task: regression,
      chosen: 'categoricalCrossentropy',
      facts: numbers,
      units: 10,
      choice: { loss: 'meanSquaredError', metrics: ['mae'] },
      reason: '',
    },
    { task: regression, chosen: 'huberLoss', facts: numbers, units: 1, choice: null, reason: '' },
    { task: regression, chosen: 'meanAbsoluteError', facts: pairs, units: 2, choice: null, reason: '' },
    {
      task: detection,
      chosen: 'categoricalCrossentropy',
      facts: boxes,
      units: 5,
      choice: { loss: 'centroidFocal', metrics: ['centreRecall'] },
      reason: 'because the labels are boxes: scores for object centres and the size of each box',
    },
    { task: detection, chosen: 'centroidFocal', facts: boxes, units: 5, choice: null, reason: '' },
    { task: detection, chosen: 'centroidFocalGiou', facts: boxes, units: 5, choice: null, reason: '' },
    {
      task: reconstruction,
      chosen: 'dice',
      facts: pictures,
      units: 1,
      choice: { loss: 'meanSquaredError', metrics: ['psnr'] },
      reason: 'because the target is the picture itself',
    },
    { task: reconstruction, chosen: 'ssim', facts: pictures, units: 1, choice: null, reason: '' },
  ];
  it.each(cases)('$task.id, graph loss $chosen, output units $units', ({ task, chosen, facts, units, choice, reason }) => {
    expect(task.chooseLoss(chosen, { ...facts, outputUnits: units })).toEqual(choice);
    const loss = (choice as { loss?: string } | null)?.loss;
    if (loss && reason) expect(task.lossReason(loss, facts)).toBe(reason);
  });

  it('offers its own losses, best first, in words', () => {
    expect(classification.losses.map((l) => l.label)).toEqual([
      'categorical cross-entropy',
      'sparse categorical cross-entropy',
      'binary cross-entropy',
    ]);
    expect(regression.losses.map((l) => l.label)).toEqual(['mean squared error', 'mean absolute error', 'Huber loss']);
  });
});

describe('fitting the output layer', () => {
  const dense = (params: Record<string, unknown>) => ({ type: 'dense', name: 'out', params });
  const cases: { task: AnyTaskSpec; facts: LabelFacts; output: ReturnType<typeof dense>; fit: unknown }[] = [
    {
      task: classification,
      facts: three,
      output: dense({ units: 10, activation: 'softmax' }),
      fit: { params: { units: 3, activation: 'softmax' }, note: 'Output layer "out" set to 3 units with softmax: one per class.' },
    },
    { task: classification, facts: three, output: dense({ units: 3, activation: 'linear' }), fit: null },
    { task: classification, facts: two, output: dense({ units: 1, activation: 'sigmoid' }), fit: null },
    { task: classification, facts: three, output: { type: 'conv2d', name: 'out', params: { filters: 8 } }, fit: null },
    {
      task: regression,
      facts: numbers,
      output: dense({ units: 3, activation: 'softmax' }),
      fit: {
        params: { units: 1, activation: 'linear' },
        note: 'Output layer "out" set to 1 unit with no activation: it predicts a number.',
      },
    },
    {
      task: regression,
      facts: pairs,
      output: dense({ units: 2, activation: 'sigmoid' }),
      fit: {
        params: { units: 2, activation: 'linear' },
        note: 'Output layer "out" set to 2 units with no activation: it predicts numbers.',
      },
    },
    { task: regression, facts: numbers, output: dense({ units: 1, activation: 'relu' }), fit: null },
    {
      task: detection,
      facts: boxes,
      output: { type: 'conv2d', name: 'head', params: { filters: 7, activation: 'sigmoid' } },
      fit: {
        params: { filters: 5, activation: 'sigmoid' },
        note: 'Output layer "head" set to 5 filters with sigmoid: a score per class for an object\'s centre, then its box\'s offset and size.',
      },
    },
    { task: detection, facts: boxes, output: { type: 'conv2d', name: 'head', params: { filters: 5, activation: 'sigmoid' } }, fit: null },
    { task: detection, facts: boxes, output: dense({ units: 5 }), fit: null },
  ];
  it.each(cases)('$task.id: $output.type $output.params', ({ task, facts, output, fit }) => {
    expect(task.fitOutput(output, facts)).toEqual(fit);
  });
});

describe('labels', () => {
  it('classification takes a class index of the dataset, and says which classes there are otherwise', () => {
    const schema = classification.labelSchema(three);
    expect(schema.safeParse(2).success).toBe(true);
    for (const bad of [3, -1, 1.5]) {
      expect(schema.safeParse(bad).error?.issues[0]?.message).toBe(`Class ${bad} does not exist; the classes are 0–2 (a, b, c).`);
    }
  });

  it('regression takes a number, or as many numbers as the targets', () => {
    expect(regression.labelSchema(numbers).safeParse(-2.5).success).toBe(true);
    expect(regression.labelSchema(numbers).safeParse(Number.NaN).success).toBe(false);
    expect(regression.labelSchema(pairs).safeParse([1, 2]).success).toBe(true);
    expect(regression.labelSchema(pairs).safeParse([1]).error?.issues[0]?.message).toBe('A label must be 2 numbers.');
  });

  it('stay where they are under augmentation (they name no place in the image)', () => {
    expect(classification.moveLabels).toBeNull();
    expect(regression.moveLabels).toBeNull();
  });
});

describe('metrics', () => {
  it.each([
    { task: classification, names: ['loss', 'accuracy'] },
    { task: regression, names: ['loss', 'mae', 'mse'] },
  ])('$task.id reports $names once compiled', ({ task, names }) => {
    const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [2], units: 3, activation: 'softmax' })] });
    const config = { loss: (task.losses[0] as { id: string }).id, metrics: task.metrics.map((m) => m.id) };
    model.compile({ optimizer: 'sgd', ...compileObjectives(tf, task, config) });
    expect(model.metricsNames.map(metricName)).toEqual(names);
    model.dispose();
  });

  it('describes every metric in words', () => {
    expect(Object.values(METRICS).map((m) => m.label)).toEqual([
      'accuracy (the share of samples put in the right class)',
      'mean absolute error (how far off a prediction is, on average)',
      'mean squared error',
      'mean IoU (overlap of predicted and true masks, 1 is perfect)',
      'PSNR in dB (how close the rebuilt images are, higher is better)',
      'SSIM (structural similarity of the rebuilt images, 1 is perfect)',
      'centre recall (share of objects whose centre scores ≥ 0.5)',
    ]);
  });
});

describe('losses', () => {
  it('name their Keras counterpart', () => {
    expect(Object.fromEntries(Object.values(LOSSES).map((l) => [l.id, l.keras]))).toEqual({
      categoricalCrossentropy: 'categorical_crossentropy',
      sparseCategoricalCrossentropy: 'sparse_categorical_crossentropy',
      binaryCrossentropy: 'binary_crossentropy',
      meanSquaredError: 'mean_squared_error',
      meanAbsoluteError: 'mean_absolute_error',
      huberLoss: 'huber',
      dice: 'dice',
      ssim: 'ssim',
      centroidFocal: 'centroid_focal',
      centroidFocalGiou: 'centroid_focal_giou',
    });
  });

  it('come back from their Keras names, each to its own id', () => {
    for (const spec of Object.values(LOSSES)) expect(trainingFromKeras({ loss: spec.keras })?.loss, spec.keras).toBe(spec.id);
  });

  it('compile to TF.js names where TF.js has them, and to functions of ours otherwise', () => {
    const { loss } = compileObjectives(tf, regression, { loss: 'huberLoss', metrics: [] });
    expect(typeof loss).toBe('function');
    const yTrue = tf.tensor2d([[0], [3]]);
    const yPred = tf.tensor2d([[0.5], [0]]);
    const ours = (loss as (a: tf.Tensor, b: tf.Tensor) => tf.Tensor)(yTrue, yPred);
    // Huber with δ = 1: ½·0.5² for the small error, 3 − ½ for the large one; averaged.
    expect(ours.dataSync()[0]).toBeCloseTo((0.125 + 2.5) / 2, 6);
    expect(compileObjectives(tf, classification, { loss: 'categoricalCrossentropy', metrics: ['accuracy'] })).toEqual({
      loss: 'categoricalCrossentropy',
      metrics: ['accuracy'],
    });
    tf.dispose([yTrue, yPred, ours]);
  });
});

describe('evaluation on fixed predictions', () => {
  const evaluation = { split: 'test' as const, samples: 6, maxPoints: 2 };

  it('classification: a confusion matrix, per-class accuracy and samples, mistakes first', () => {
    const evaluator = classification.evaluate({ ...three, ...evaluation, outputUnits: 3 });
    // Rows of class scores; the largest is the prediction.
    evaluator.add(batch([0, 1, 2, 2]), Float32Array.from([0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.6, 0.3, 0.1, 0.1, 0.1, 0.8]));
    evaluator.add(batch([1]), Float32Array.from([0.1, 0.2, 0.7]));
    const result = evaluator.result();
    expect(result).toMatchObject({ kind: 'classification', split: 'test', classes: ['a', 'b', 'c'], count: 5, accuracy: 3 / 5 });
    expect(result.matrix).toEqual([
      [1, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
    ]);
    expect(result.perClass.map((p) => p.accuracy)).toEqual([1, 0.5, 0.5]);
    expect(result.samples.map((s) => [s.actual, s.predicted])).toEqual([
      [0, 0],
      [1, 2],
      [1, 1],
      [2, 0],
      [2, 2],
    ]);
    expect(result.samples[0]).toMatchObject({ features: [0.5, 0.5], confidence: expect.closeTo(0.8, 6) });
  });

  it('classification on one sigmoid unit: class 1 from 0.5 up', () => {
    expect(predictedClass([0.5])).toEqual({ best: 1, confidence: 0.5 });
    expect(predictedClass([0.2])).toEqual({ best: 0, confidence: 0.8 });
    const evaluator = classification.evaluate({ ...two, ...evaluation, outputUnits: 1 });
    evaluator.add(batch([1, 0, 0]), Float32Array.from([0.9, 0.7, 0.1]));
    expect(evaluator.result()).toMatchObject({
      accuracy: 2 / 3,
      matrix: [
        [1, 1],
        [0, 1],
      ],
    });
  });

  it('regression: MAE and RMSE of the first target, and the first points for the plot', () => {
    const evaluator = regression.evaluate({ ...numbers, ...evaluation, outputUnits: 1 });
    evaluator.add(batch([1, 2, 3]), Float32Array.from([1.5, 2, 1]));
    expect(evaluator.result()).toEqual({
      kind: 'regression',
      split: 'test',
      points: [
        { actual: 1, predicted: 1.5 },
        { actual: 2, predicted: 2 },
      ],
      mae: (0.5 + 0 + 2) / 3,
      rmse: Math.sqrt((0.25 + 0 + 4) / 3),
      count: 3,
    });
  });
});
