import { z } from 'zod';
import { resample } from '../data/image-move';
import { binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy } from './losses/cross-entropy';
import { dice } from './losses/overlap';
import { segmentationEvaluator } from './mask-overlap';
import { accuracy } from './metrics/accuracy';
import { meanIou } from './metrics/overlap';
import { defineTask, type TargetContext } from './spec';

const MASK_LOSSES: readonly string[] = [categoricalCrossentropy.id, sparseCategoricalCrossentropy.id, dice.id];

/**
 * What the loss compares a mask with: one 0/1 channel for a single sigmoid output (object against
 * background), a class index per pixel for the sparse loss, else one channel per class.
 */
function maskTargets(context: Pick<TargetContext, 'loss' | 'outputUnits'>): 'binary' | 'index' | 'oneHot' {
  if (context.outputUnits === 1) return 'binary';
  return context.loss.id === sparseCategoricalCrossentropy.id ? 'index' : 'oneHot';
}

const classCount = (facts: { classes?: string[] }) => facts.classes?.length ?? 2;

/** Labelling every pixel of an image with the class it shows: cells, organs, cracks, shapes. */
export const segmentation = defineTask({
  id: 'segmentation',
  label: 'semantic segmentation',
  doc: 'Each image comes with a mask that gives every pixel a class (0 is the background); the model outputs a score per class for every pixel and is judged by the overlap of its masks with the true ones (IoU per class and its mean).',
  labelSchema: ({ featureShape, classes = [] }) =>
    z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(Math.max(classes.length - 1, 1)),
        {
          error: `A mask gives every pixel a class index from 0 to ${Math.max(classes.length - 1, 1)}.`,
        },
      )
      .length((featureShape[0] ?? 0) * (featureShape[1] ?? 0), `A mask has one class per pixel: ${featureShape[0]}×${featureShape[1]}.`),
  labelShape: (context) => {
    const [h = 0, w = 0] = context.featureShape;
    return [h, w, maskTargets(context) === 'oneHot' ? classCount(context) : 1];
  },
  encodeLabels: (tf, batch, context) => {
    const [h = 0, w = 0] = context.featureShape;
    const targets = maskTargets(context);
    return tf.tidy(() => {
      const mask = tf.tensor4d(batch.labels, [batch.size, h, w, 1]);
      if (targets === 'binary') return tf.cast(tf.greater(mask, 0), 'float32');
      if (targets === 'index') return mask;
      return tf.oneHot(tf.reshape(mask, [batch.size, h, w]).toInt(), classCount(context)).toFloat();
    });
  },
  losses: [categoricalCrossentropy, sparseCategoricalCrossentropy, dice, binaryCrossentropy],
  chooseLoss: (chosen, facts) => {
    if (chosen && MASK_LOSSES.includes(chosen)) return null;
    if (chosen === binaryCrossentropy.id && classCount(facts) === 2) return null;
    return { loss: categoricalCrossentropy.id, metrics: [accuracy.id, meanIou.id] };
  },
  labelWords: (facts) => `a mask of ${classCount(facts)} classes per image`,
  lossReason: (loss) =>
    loss === dice.id ? 'because the masks are judged by their overlap' : 'because every pixel has one of a few classes',
  metrics: [meanIou, accuracy],
  fitOutput: (output, facts) => {
    if (output.type !== 'conv2d') return null;
    const classes = classCount(facts);
    const filters = Number(output.params.filters ?? 0);
    if (filters === classes || (classes === 2 && filters === 1)) return null;
    return {
      params: { filters: classes, activation: 'softmax' },
      note: `Output layer "${output.name}" set to ${classes} filters with softmax: a score per class for every pixel.`,
    };
  },
  evaluate: segmentationEvaluator,
  // A mask follows its picture pixel for pixel; nearest, so class indexes never blend.
  moveLabels: (label, move) => {
    const moved = new Float32Array(label.length);
    resample(label, moved, move, 1, 'nearest');
    return moved;
  },
  stratify: false,
});
