import { z } from 'zod';
import { classificationEvaluator } from './confusion';
import { binaryCrossentropy, categoricalCrossentropy, sparseCategoricalCrossentropy } from './losses/cross-entropy';
import { accuracy } from './metrics/accuracy';
import { defineTask, type TargetContext } from './spec';

/**
 * How class labels become the targets a loss expects: one-hot rows for categorical cross-entropy,
 * class indexes for the sparse loss, a 0/1 column for binary cross-entropy on one output unit, the
 * raw values for any other loss.
 */
export function classTargets(context: Pick<TargetContext, 'loss' | 'outputUnits'>): 'oneHot' | 'index' | 'binary' | 'values' {
  const loss = context.loss.id;
  if (loss === sparseCategoricalCrossentropy.id) return 'index';
  if (loss === binaryCrossentropy.id && context.outputUnits === 1) return 'binary';
  if (loss === categoricalCrossentropy.id || loss === binaryCrossentropy.id) return 'oneHot';
  return 'values';
}

const classCount = (context: { classes?: string[] }) => context.classes?.length ?? 1;

/** Sorting samples into named classes: digits, species, kinds of clothing. */
export const classification = defineTask({
  id: 'classification',
  label: 'classification',
  doc: 'Each sample belongs to one of a fixed set of classes, stored as its index; the model gives a score per class (or, for two classes, one probability) and is judged by accuracy and a confusion matrix.',
  labelSchema: ({ classes = [] }) =>
    z.number().refine((v) => Number.isInteger(v) && v >= 0 && v < classes.length, {
      error: (issue) => `Class ${issue.input} does not exist; the classes are 0–${classes.length - 1} (${classes.join(', ')}).`,
    }),
  labelShape: (context) => {
    const targets = classTargets(context);
    return targets === 'oneHot' ? [classCount(context)] : targets === 'values' ? [context.labelSize] : [1];
  },
  encodeLabels: (tf, batch, context) => {
    const targets = classTargets(context);
    if (targets === 'oneHot') return tf.tidy(() => tf.oneHot(tf.tensor1d(batch.labels, 'int32'), classCount(context)).toFloat());
    if (targets === 'values') return tf.tensor2d(batch.labels, [batch.size, context.labelSize]);
    return tf.tensor2d(batch.labels, [batch.size, 1]);
  },
  losses: [categoricalCrossentropy, sparseCategoricalCrossentropy, binaryCrossentropy],
  chooseLoss: (chosen, facts) => {
    // Without a Dense output to look at, the settings' own default (categorical cross-entropy) stands.
    if (chosen || facts.outputUnits === null) return null;
    const binary = classCount(facts) === 2 && facts.outputUnits === 1;
    return { loss: binary ? binaryCrossentropy.id : categoricalCrossentropy.id };
  },
  labelWords: (facts) => `${classCount(facts)} classes`,
  lossReason: (loss, facts) =>
    facts.classes?.length === 2 && loss === binaryCrossentropy.id
      ? 'because the labels are two classes and the output is one unit'
      : `because the labels are ${facts.classes?.length ?? 0} classes`,
  metrics: [accuracy],
  fitOutput: (output, facts) => {
    if (output.type !== 'dense') return null;
    const classes = facts.classes?.length ?? 0;
    const units = Number(output.params.units ?? 0);
    if ((classes === 2 && units === 1) || units === classes) return null;
    return {
      params: { units: classes, activation: 'softmax' },
      note: `Output layer "${output.name}" set to ${classes} units with softmax: one per class.`,
    };
  },
  evaluate: classificationEvaluator,
  moveLabels: null,
  stratify: true,
  tableLabel: 'categorical',
});
